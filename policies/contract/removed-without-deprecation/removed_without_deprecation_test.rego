package rollgate.rules.contract["removed-without-deprecation_test"]

import data.rollgate.rules.contract["removed-without-deprecation"] as rule

test_not_deprecated_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"removals": [{"step": 0, "api": "feed-api", "providesFrom": -1, "providesIndex": 1, "deprecated": false, "sunset": "2026-06-30", "beforeSunset": false, "consumers": []}]}}}
	f.related[0].path == "/spec/provides/1"
}

test_deprecated_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"removals": [{"step": 0, "api": "feed-api", "providesFrom": -1, "providesIndex": 1, "deprecated": true, "sunset": "2026-06-30", "beforeSunset": false, "consumers": []}]}}}
}
