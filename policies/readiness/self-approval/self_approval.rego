# METADATA
# title: Self-approval
# description: >-
#   An approval's `by` equals the plan's `author`. Approving your own change is no independent
#   review, so it does not count toward required approvals.
# custom:
#   severity: error
#   examples:
#     fails: |
#       author: alice
#       approvals:
#         - {role: engineering, by: alice, at: 2026-03-08T10:00Z}
#     passes: |
#       author: alice
#       approvals:
#         - {role: engineering, by: bob, at: 2026-03-08T10:00Z}
package rollgate.rules.readiness["self-approval"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	author := util.plan_spec.author
	some j, a in object.get(util.plan_spec, "approvals", [])
	a.by == author
	finding := {
		"path": sprintf("/spec/approvals/%d/by", [j]),
		"message": sprintf(
			"The \"%s\" approval of plan \"%s\" is by \"%s\", who is the plan's author. Approving your own change is no independent review, so it does not count. Ask someone else in role \"%s\" to approve.",
			[a.role, util.plan_name, a.by, a.role],
		),
	}
}
