package rollgate.rules.window["invalid-time-zone_test"]

import data.rollgate.rules.window["invalid-time-zone"] as rule

problem := {"problem": "unknown-zone", "path": "/spec/timeZone", "text": "Mars/Olympus", "zone": "Mars/Olympus"}

test_plan_zone_fires if {
	findings := rule.deny with input as {"scope": "plan", "facts": {"window": {"timeProblems": [problem]}}}
	count(findings) == 1
	some f in findings
	f.path == "/spec/timeZone"
	contains(f.message, "\"Mars/Olympus\" in this plan")
	not f.document
}

test_calendar_zone_fires_on_calendar if {
	findings := rule.deny with input as {"scope": "catalogue", "facts": {"calendars": {"platform": {"timeProblems": [problem]}}}}
	some f in findings
	f.document == {"kind": "ChangeCalendar", "name": "platform"}
	contains(f.message, "calendar \"platform\"")
}

test_other_problems_pass if {
	count(rule.deny) == 0 with input as {"scope": "plan", "facts": {"window": {"timeProblems": [object.union(problem, {"problem": "gap"})]}}}
}
