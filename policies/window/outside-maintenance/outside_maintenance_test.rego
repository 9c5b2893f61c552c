package rollgate.rules.window["outside-maintenance_test"]

import data.rollgate.rules.window["outside-maintenance"] as rule

plan(uncovered) := {"scope": "plan", "facts": {"window": {"timeline": {"steps": [{
	"index": 0, "id": "ledger", "service": "ledger",
	"regions": [{"region": "eu-west-1", "text": "01:30-02:15 Europe/Berlin on Wed 11 Mar 2026", "allowWindows": ["platform/eu-nightly"], "uncovered": uncovered}],
}]}}}}

test_uncovered_fires if {
	findings := rule.deny with input as plan([{"start": 1, "end": 2, "text": "02:00-02:15 Europe/Berlin on Wed 11 Mar 2026"}])
	some f in findings
	f.path == "/spec/steps/0"
	contains(f.message, "02:00-02:15 Europe/Berlin")
	contains(f.message, "platform/eu-nightly")
	contains(f.message, "in eu-west-1")
}

test_covered_passes if {
	count(rule.deny) == 0 with input as plan([])
}

test_no_timeline_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "facts": {"window": {}}}
}
