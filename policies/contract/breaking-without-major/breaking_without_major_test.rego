package rollgate.rules.contract["breaking-without-major_test"]

import data.rollgate.rules.contract["breaking-without-major"] as rule

test_minor_service_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"versionChanges": [{"step": 0, "from": "1.9.0", "to": "1.10.0", "downgrade": false, "majorBump": false}], "majorContractChanges": [{"step": 0, "index": 0, "api": "ledger-api", "from": "1.6.0", "to": "2.0.0"}]}}}
	f.path == "/spec/steps/0/provides/0/version"
	contains(f.message, "(to 2.0.0)")
}

test_major_service_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"versionChanges": [{"step": 0, "from": "1.9.0", "to": "2.0.0", "downgrade": false, "majorBump": true}], "majorContractChanges": [{"step": 0, "index": 0, "api": "ledger-api", "from": "1.6.0", "to": "2.0.0"}]}}}
}
