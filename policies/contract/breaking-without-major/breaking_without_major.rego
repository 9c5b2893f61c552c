# METADATA
# title: Breaking contract change without a major version
# description: >-
#   A step's provided contract version changes major (a breaking change for consumers), but the
#   service's `to` version does not bump major over the version deployed now. Version numbers are
#   how people judge the risk of a release; a breaking release must say so.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # ledger 1.9.2 provides ledger-api 1.6.0
#       steps:
#         - id: ledger
#           service: ledger
#           to: 1.10.0
#           provides: [{api: ledger-api, version: 2.0.0}]
#     passes: |
#       steps:
#         - id: ledger
#           service: ledger
#           to: 2.0.0
#           provides: [{api: ledger-api, version: 2.0.0}]
package rollgate.rules.contract["breaking-without-major"]

import data.rollgate.lib.util

facts := object.get(input, ["facts", "contract"], {})

deny contains finding if {
	util.plan_scope
	some c in object.get(facts, "majorContractChanges", [])
	some v in object.get(facts, "versionChanges", [])
	v.step == c.step
	not v.majorBump
	step := util.steps[c.step]
	finding := {
		"path": sprintf("/spec/steps/%d/provides/%d/version", [c.step, c.index]),
		"message": sprintf(
			"Step \"%s\" changes %s from %s to %s, a new major contract version (breaking for its consumers), but service \"%s\" only goes from %s to %s. Bump the service's major version (to %s) so the release says it breaks its contract, or keep the contract compatible.",
			[step.id, c.api, c.from, c.to, step.service, v.from, v.to, next_major(v.from)],
		),
	}
}

next_major(version) := sprintf("%d.0.0", [to_number(split(version, ".")[0]) + 1])
