package rollgate.rules.window["missing-overrun-policy_test"]

import data.rollgate.rules.window["missing-overrun-policy"] as rule

test_end_without_overrun_fires if {
	findings := rule.deny with input as {"scope": "plan", "plan": {"spec": {"end": "2026-03-13T02:00"}}}
	some f in findings
	f.path == "/spec/end"
}

test_overrun_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"end": "2026-03-13T02:00", "overrun": "abort"}}}
}

test_no_end_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {}}}
}
