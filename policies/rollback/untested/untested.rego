# METADATA
# title: Rollback not rehearsed recently
# description: >-
#   A step's `rollback.testedAt` is absent or older than `maxRollbackTestAge` at the plan's start.
#   A rollback nobody has run lately is likely to fail when needed. A warning, an error for steps
#   on tier-1 services.
# custom:
#   severity: warning
#   parameters:
#     - name: maxRollbackTestAge
#       type: duration
#       default: 30d
#       description: Largest age, at the plan's start, of the last rehearsal of a step's rollback.
#   examples:
#     fails: |
#       start: 2026-12-01T20:00
#       steps:
#         - id: ledger
#           rollback: {procedure: https://runbooks.example/ledger, testedAt: 2026-09-14}
#     passes: |
#       start: 2026-12-01T20:00
#       steps:
#         - id: ledger
#           rollback: {procedure: https://runbooks.example/ledger, testedAt: 2026-11-20}
package rollgate.rules.rollback.untested

import data.rollgate.lib.util

max_age := data.params.maxRollbackTestAge

severity(i) := "error" if util.step_tier(i) == 1

severity(i) := "warning" if util.step_tier(i) != 1

fact(i) := object.get(input, ["facts", "rollback", "steps", i], {})

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	object.get(step, ["rollback", "testedAt"], null) == null
	finding := {
		"path": path(i, step),
		"severity": severity(i),
		"message": sprintf(
			"The rollback of step \"%s\" (service \"%s\") has never been rehearsed: `rollback.testedAt` is missing. An untried rollback often fails when it is needed. Rehearse it (in staging) and record the date in `rollback.testedAt`.",
			[step.id, step.service],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	age := fact(i).testedAgeSeconds
	age > max_age.seconds
	finding := {
		"path": sprintf("/spec/steps/%d/rollback/testedAt", [i]),
		"severity": severity(i),
		"message": sprintf(
			"The rollback of step \"%s\" (service \"%s\") was last rehearsed on %s, %s before the plan starts, longer ago than maxRollbackTestAge (%s). The service and its tooling have changed since. Rehearse it again and update `rollback.testedAt`.",
			[step.id, step.service, step.rollback.testedAt, util.duration(age), max_age.text],
		),
	}
}

path(i, step) := sprintf("/spec/steps/%d/rollback", [i]) if step.rollback

path(i, step) := util.step_path(i) if not step.rollback
