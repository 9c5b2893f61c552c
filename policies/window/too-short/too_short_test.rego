package rollgate.rules.window["too-short_test"]

import data.rollgate.rules.window["too-short"] as rule

plan(end) := {"scope": "plan", "facts": {"window": {"end": {"epoch": end, "text": "22:30"}, "timeline": {"rolloutSeconds": 2700, "rolloutEnd": {"epoch": 2700, "text": "22:45"}}}}}

test_too_short_fires if {
	findings := rule.deny with input as plan(1800)
	some f in findings
	f.path == "/spec/end"
	contains(f.message, "takes 45m")
	contains(f.message, "15m after")
}

test_exact_passes if {
	count(rule.deny) == 0 with input as plan(2700)
}

test_no_end_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "facts": {"window": {"timeline": {"rolloutEnd": {"epoch": 1}}}}}
}
