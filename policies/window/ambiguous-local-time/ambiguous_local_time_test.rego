package rollgate.rules.window["ambiguous-local-time_test"]

import data.rollgate.rules.window["ambiguous-local-time"] as rule

gap := {"problem": "gap", "path": "/spec/start", "text": "2026-03-29T02:30", "zone": "Europe/Berlin", "shift": "1h", "resolved": "03:30 Europe/Berlin on Sun 29 Mar 2026"}

test_gap_fires if {
	findings := rule.deny with input as {"scope": "plan", "facts": {"window": {"timeProblems": [gap]}}}
	some f in findings
	contains(f.message, "does not exist in Europe/Berlin")
	contains(f.message, "moved forward to 03:30")
}

test_overlap_fires if {
	findings := rule.deny with input as {"scope": "plan", "facts": {"window": {"timeProblems": [object.union(gap, {"problem": "overlap"})]}}}
	some f in findings
	contains(f.message, "happens twice")
}

test_zone_problem_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "facts": {"window": {"timeProblems": [object.union(gap, {"problem": "unknown-zone"})]}}}
}
