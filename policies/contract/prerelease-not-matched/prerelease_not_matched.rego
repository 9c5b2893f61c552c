# METADATA
# title: Prerelease contract not matched by consumers' ranges
# description: >-
#   A provider moves to a prerelease contract version (such as 3.0.0-rc.1) that a consumer's range
#   would accept if it were a release: node-semver ranges do not match prereleases unless they name
#   that prerelease line, so the consumer treats it as incompatible.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       # web consumes auth-api ">=2.0.0"
#       steps:
#         - id: auth
#           service: auth
#           to: 3.0.0-rc.1
#           provides: [{api: auth-api, version: 3.0.0-rc.1}]
#     passes: |
#       # web consumes auth-api ">=2.0.0 || 3.0.0-rc.1"
#       steps:
#         - id: auth
#           service: auth
#           to: 3.0.0-rc.1
#           provides: [{api: auth-api, version: 3.0.0-rc.1}]
package rollgate.rules.contract["prerelease-not-matched"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some v in contract.violations
	v.kind == "prerelease"
	finding := {
		"path": contract.violation_path(v),
		"message": sprintf(
			"%s, %s needs %s %s, and %s in %s: a prerelease, which the range does not match only because ranges exclude prereleases unless they name that prerelease line.%s Release the contract as a normal version, or name the prerelease in the consumer's range (e.g. \"%s || %s\") if it is meant to use it.",
			[
				contract.capitalize(contract.state_text(v.state)), contract.consumer_text(v), v.api, v.range,
				contract.provider_text(v), contract.where_text(v), contract.unordered_text(v), v.range, v.contractVersion,
			],
		),
		"related": contract.violation_related(v),
	}
}
