package rollgate.rules.window["in-past_test"]

import data.rollgate.rules.window["in-past"] as rule

plan(start) := {"scope": "plan", "now": {"epoch": 1000, "iso": "now"}, "facts": {"window": {"start": {"epoch": start, "text": "s"}}}}

test_past_fires if {
	findings := rule.deny with input as plan(400)
	some f in findings
	f.path == "/spec/start"
	contains(f.message, "10m before now")
}

test_now_passes if {
	count(rule.deny) == 0 with input as plan(1000)
}
