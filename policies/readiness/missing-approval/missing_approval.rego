# METADATA
# title: Missing approval
# description: >-
#   A role in `requiredApprovals` (plus `tier1Approvals` when the plan changes a tier-1 service) has
#   no approval. Approvals by the plan's author do not count.
# custom:
#   severity: error
#   parameters:
#     - name: requiredApprovals
#       type: string-list
#       default: [engineering]
#       description: Roles that must approve every plan.
#     - name: tier1Approvals
#       type: string-list
#       default: [sre]
#       description: Additional roles that must approve a plan changing a tier-1 service.
#   examples:
#     fails: |
#       author: alice
#       approvals:
#         - {role: engineering, by: alice, at: 2026-03-08T10:00Z}   # the author's own approval
#     passes: |
#       author: alice
#       approvals:
#         - {role: engineering, by: bob, at: 2026-03-08T10:00Z}
package rollgate.rules.readiness["missing-approval"]

import data.rollgate.lib.util

author := object.get(util.plan_spec, "author", null)

tier1_services contains util.steps[i].service if {
	some i, _ in util.steps
	util.step_tier(i) == 1
}

tier1 if count(tier1_services) > 0

tier1 if input.facts.tier1 == true

required contains role if some role in data.params.requiredApprovals

required contains role if {
	tier1
	some role in data.params.tier1Approvals
}

approved(role) if {
	some a in object.get(util.plan_spec, "approvals", [])
	a.role == role
	a.by != author
}

reason(role) := sprintf("required because the plan changes tier-1 service(s) %s", [util.quoted_list(sort(tier1_services))]) if {
	not role in data.params.requiredApprovals
	count(tier1_services) > 0
} else := "required because the plan changes a tier-1 service" if {
	not role in data.params.requiredApprovals
} else := "required for every plan"

author_note := sprintf(" Approvals by the plan's author (\"%s\") do not count.", [author]) if author != null

else := ""

path := "/spec/approvals" if "approvals" in object.keys(util.plan_spec)

else := "/spec"

deny contains finding if {
	util.plan_scope
	some role in required
	not approved(role)
	finding := {
		"path": path,
		"message": sprintf(
			"Plan \"%s\" has no approval for role \"%s\" (%s).%s Without it the change has not been reviewed by the people accountable for it. Get an approval from someone in role \"%s\" and record it under spec.approvals.",
			[util.plan_name, role, reason(role), author_note, role],
		),
	}
}
