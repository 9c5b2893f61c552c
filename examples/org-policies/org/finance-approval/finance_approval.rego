# METADATA
# title: Money-moving changes need finance approval
# description: >-
#   A plan that changes a service whose `domain` label is one of `financeDomains` (default money,
#   payments) needs an approval from role `finance`: the finance team signs off on anything that
#   can move or book money, as the organisation's change policy requires.
# custom:
#   severity: error
#   parameters:
#     - name: financeDomains
#       type: string-list
#       default: [money, payments]
#       description: values of the Service label `domain` whose changes need a finance approval
#   examples:
#     fails: |
#       # Service ledger has metadata.labels.domain: money
#       approvals:
#         - {role: engineering, by: bob, at: 2026-03-08T10:00Z}
#     passes: |
#       approvals:
#         - {role: engineering, by: bob, at: 2026-03-08T10:00Z}
#         - {role: finance, by: fiona, at: 2026-03-08T11:00Z}
package rollgate.rules.org["finance-approval"]

import data.rollgate.lib.util

# The parameter from data.params (rollgate fills in the METADATA default).
finance_domains := d if {
	d := data.params.financeDomains
} else := ["money", "payments"]

# money_step is the finance domain of the service step i changes (undefined if none).
money_step(i) := domain if {
	step := util.steps[i]
	domain := object.get(util.services, [step.service, "metadata", "labels", "domain"], "")
	domain in finance_domains
}

approved_by_finance if {
	some a in object.get(util.plan_spec, "approvals", [])
	a.role == "finance"
	a.by != object.get(util.plan_spec, "author", "")
}

deny contains finding if {
	util.plan_scope
	not approved_by_finance
	some i, _ in util.steps
	domain := money_step(i)
	finding := {
		"path": util.step_path(i),
		"message": sprintf(
			"Plan \"%s\" changes service \"%s\" (domain \"%s\") but has no approval from role \"finance\". Changes to services that move or book money need the finance team's sign-off under the change policy. Ask finance to approve and record it under spec.approvals.",
			[util.plan_name, util.steps[i].service, domain],
		),
	}
}
