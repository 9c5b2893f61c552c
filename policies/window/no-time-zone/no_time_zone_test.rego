package rollgate.rules.window["no-time-zone_test"]

import data.rollgate.rules.window["no-time-zone"] as rule

test_local_start_fires if {
	findings := rule.deny with input as {"scope": "plan", "facts": {"window": {"timeProblems": [{"problem": "no-zone", "path": "/spec/start", "text": "2026-03-10T22:00"}]}}}
	some f in findings
	f.path == "/spec/start"
	contains(f.message, "\"2026-03-10T22:00\" in this plan is a local time")
}

test_calendar_fires if {
	findings := rule.deny with input as {"scope": "catalogue", "facts": {"calendars": {"c": {"timeProblems": [{"problem": "no-zone", "path": "/spec/freezes/0/start", "text": "x"}]}}}}
	count(findings) == 1
}

test_no_problem_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "facts": {"window": {"timeProblems": []}}}
}
