# METADATA
# title: Stale approval
# description: >-
#   An approval is older than `maxApprovalAge` at the plan's start, or dated after the start. The
#   plan or the situation may have changed since it was given.
# custom:
#   severity: warning
#   parameters:
#     - name: maxApprovalAge
#       type: duration
#       default: 7d
#       description: Largest age of an approval at the plan's start.
#   examples:
#     fails: |
#       start: 2026-03-10T22:00Z
#       approvals:
#         - {role: engineering, by: bob, at: 2026-02-20T10:00Z}   # 18d before start
#     passes: |
#       start: 2026-03-10T22:00Z
#       approvals:
#         - {role: engineering, by: bob, at: 2026-03-08T10:00Z}
package rollgate.rules.readiness["stale-approval"]

import data.rollgate.lib.util

max_age := data.params.maxApprovalAge

deny contains finding if {
	util.plan_scope
	some a in object.get(input, ["facts", "approvals"], [])
	a.ageSeconds > max_age.seconds
	finding := {
		"path": sprintf("/spec/approvals/%d/at", [a.index]),
		"message": sprintf(
			"The \"%s\" approval by \"%s\" was given %s before the plan starts, more than maxApprovalAge (%s). The plan or the situation may have changed since. Ask for a fresh approval closer to the start.",
			[a.role, a.by, util.duration(a.ageSeconds), max_age.text],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some a in object.get(input, ["facts", "approvals"], [])
	a.ageSeconds < 0
	finding := {
		"path": sprintf("/spec/approvals/%d/at", [a.index]),
		"message": sprintf(
			"The \"%s\" approval by \"%s\" is dated %s after the plan starts, so it cannot have been given for this start. Check the approval time or the plan's start.",
			[a.role, a.by, util.duration(0 - a.ageSeconds)],
		),
	}
}
