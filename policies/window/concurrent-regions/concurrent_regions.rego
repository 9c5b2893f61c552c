# METADATA
# title: Tier-1 regions rolled at once
# description: >-
#   A tier-1 service is rolled in more than `maxConcurrentRegions` regions at the same time. Within
#   a step regions are rolled one after another, so this comes from several steps on the same
#   service that may run at the same time.
# custom:
#   severity: warning
#   parameters:
#     - name: maxConcurrentRegions
#       type: integer
#       default: 1
#       description: Most regions a tier-1 service may be rolled in at once.
#   examples:
#     fails: |
#       steps:
#         - {id: ledger-eu, service: ledger, regions: [eu-west-1], after: []}
#         - {id: ledger-us, service: ledger, regions: [us-east-1], after: []}
#     passes: |
#       steps:
#         - {id: ledger-eu, service: ledger, regions: [eu-west-1], after: []}
#         - {id: ledger-us, service: ledger, regions: [us-east-1], after: [ledger-eu]}
package rollgate.rules.window["concurrent-regions"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	s.tier == 1
	s.concurrentRegions > data.params.maxConcurrentRegions
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s changes tier-1 service \"%s\" in %d regions at once (maxConcurrentRegions is %d). A bad version then hits several regions before anyone can stop it. Order the steps with after so the regions are rolled one after another.",
			[window.step_name(s), s.service, s.concurrentRegions, data.params.maxConcurrentRegions],
		),
	}
}
