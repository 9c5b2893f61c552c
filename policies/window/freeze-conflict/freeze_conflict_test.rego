package rollgate.rules.window["freeze-conflict_test"]

import data.rollgate.rules.window["freeze-conflict"] as rule

freeze := {"calendar": "platform", "name": "spring-freeze", "path": "/spec/freezes/0", "range": "00:00 Fri 13 Mar 2026 - 00:00 Mon 16 Mar 2026 Europe/Berlin", "overlap": {}}

plan(freezes) := {"scope": "plan", "plan": {"metadata": {"name": "ledger-2-0"}, "spec": {}}, "facts": {"window": {"timeline": {
	"rolloutEnd": {"epoch": 100, "text": "x"},
	"rollback": {"largestSeconds": 600, "missing": []},
	"rollbackFreezes": [],
	"steps": [{"index": 0, "id": "ledger", "service": "ledger", "regions": [{"region": null, "text": "22:00-22:45 Europe/Berlin on Fri 13 Mar 2026", "freezes": freezes}]}],
}}}}

test_conflict_fires if {
	findings := rule.deny with input as plan([freeze])
	some f in findings
	f.path == "/spec/steps/0"
	contains(f.message, "step \"ledger\" runs 22:00-22:45 Europe/Berlin on Fri 13 Mar 2026, inside freeze \"spring-freeze\"")
	f.related[0].document.kind == "ChangeCalendar"
}

test_exception_passes if {
	count(rule.deny) == 0 with input as plan([object.union(freeze, {"exception": {"approvedBy": "vp", "reason": "r"}})])
}

test_rollback_into_freeze_fires if {
	inp := json.patch(plan([]), [{"op": "replace", "path": "/facts/window/timeline/rollbackFreezes", "value": [{"calendar": "c", "name": "f", "path": "/spec/freezes/0", "start": 400, "end": 2000, "range": "r"}]}])
	findings := rule.deny with input as inp with data.params as {"defaultRollbackDuration": {"seconds": 1800}}
	some f in findings
	contains(f.message, "allowRollback: false")
}

test_rollback_after_budget_passes if {
	inp := json.patch(plan([]), [{"op": "replace", "path": "/facts/window/timeline/rollbackFreezes", "value": [{"calendar": "c", "name": "f", "path": "/spec/freezes/0", "start": 700, "end": 2000, "range": "r"}]}])
	count(rule.deny) == 0 with input as inp with data.params as {"defaultRollbackDuration": {"seconds": 1800}}
}
