package rollgate.rules.window["no-rollback-slack_test"]

import data.rollgate.rules.window["no-rollback-slack"] as rule

params := {"defaultRollbackDuration": {"seconds": 1800, "text": "30m"}}

plan(end, largest, missing, window_end) := {"scope": "plan", "facts": {"window": {"end": {"epoch": end, "text": "22:50"}, "timeline": {
	"rollback": {"largestSeconds": largest, "missing": missing},
	"steps": [{"index": 0, "id": "ledger", "service": "ledger", "start": 0, "end": 2700, "text": "22:00-22:45", "regions": [{"region": "eu-west-1", "end": 2700, "text": "22:00-22:45", "startWindow": {"name": "w", "end": {"epoch": window_end, "text": "02:00"}}}]}],
}}}}

test_no_room_before_end_fires if {
	findings := rule.deny with input as plan(3000, 600, [], 99999) with data.params as params
	count(findings) == 1
	some f in findings
	contains(f.message, "may take 10m more")
}

test_default_rollback_used if {
	findings := rule.deny with input as plan(4000, 600, ["ledger"], 99999) with data.params as params
	some f in findings
	contains(f.message, "30m")
}

test_no_room_in_window_fires if {
	findings := rule.deny with input as plan(99999, 600, [], 2700) with data.params as params
	some f in findings
	contains(f.message, "in window \"w\"")
}

test_fits_passes if {
	count(rule.deny) == 0 with input as plan(3300, 600, [], 3300) with data.params as params
}
