# METADATA
# title: Step downgrades its service
# description: >-
#   A step's `to` version is lower than the version of the service deployed now (semver
#   precedence). A downgrade is a rollback in disguise: contracts, data and flags may not go back
#   with it.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # recommendations runs 0.4.0
#       steps:
#         - id: recommendations
#           service: recommendations
#           to: 0.3.9
#     passes: |
#       steps:
#         - id: recommendations
#           service: recommendations
#           to: 0.4.1
package rollgate.rules.contract.downgrade

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some v in object.get(input, ["facts", "contract", "versionChanges"], [])
	v.downgrade
	step := util.steps[v.step]
	finding := {
		"path": sprintf("/spec/steps/%d/to", [v.step]),
		"message": sprintf(
			"Step \"%s\" takes service \"%s\" from %s down to %s. Going back to an older version skips the checks of a rollback (contracts, migrations, flags set by the newer version). Release the old code as a new version above %s, or roll back the newer release with its rollback procedure.",
			[step.id, step.service, v.from, v.to, v.from],
		),
	}
}
