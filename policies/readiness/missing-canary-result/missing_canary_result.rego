# METADATA
# title: Missing canary result
# description: >-
#   A production plan changes a tier-1 or tier-2 service without a passing canary result for that
#   exact `to` version. The version has not been proven anywhere before it reaches production.
# custom:
#   severity: error
#   examples:
#     fails: |
#       environment: production
#       readiness:
#         canaryResults:
#           - {service: payments, version: 2.4.0-rc.1, environment: staging, passed: true, at: 2026-03-09T12:00Z}
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}
#     passes: |
#       environment: production
#       readiness:
#         canaryResults:
#           - {service: payments, version: 2.4.0, environment: staging, passed: true, at: 2026-03-09T12:00Z}
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}
package rollgate.rules.readiness["missing-canary-result"]

import data.rollgate.lib.util

results := object.get(util.plan_spec, ["readiness", "canaryResults"], [])

passing(service, version) if {
	some r in results
	r.service == service
	r.version == version
	r.passed == true
}

failing_note(service, version) := " A canary result for it exists but did not pass." if {
	some r in results
	r.service == service
	r.version == version
	r.passed != true
} else := ""

deny contains finding if {
	util.plan_scope
	util.plan_spec.environment == "production"
	some i, step in util.steps
	util.known_service(step.service)
	tier := util.step_tier(i)
	tier <= 2
	not passing(step.service, step.to)
	finding := {
		"path": sprintf("/spec/steps/%d/to", [i]),
		"message": sprintf(
			"Step \"%s\" deploys tier-%d service \"%s\" %s to production, but there is no passing canary result for version %s.%s A version that was not proven in a canary can fail for all users at once. Run a canary of %s %s and add the passing result under spec.readiness.canaryResults.",
			[step.id, tier, step.service, step.to, step.to, failing_note(step.service, step.to), step.service, step.to],
		),
	}
}
