# METADATA
# title: No production rollouts on Friday afternoons
# description: >-
#   A production plan starts on a Friday at or after `fridayCutoffHour` (default 15) local time in
#   the plan's time zone. Problems found late on a Friday land on a thin weekend on-call rota; start
#   earlier in the week or on Friday morning.
# custom:
#   severity: error
#   parameters:
#     - name: fridayCutoffHour
#       type: integer
#       default: 15
#       description: local hour (0-23) from which production plans may not start on a Friday
#   examples:
#     fails: |
#       environment: production
#       timeZone: Europe/Berlin
#       start: "2026-03-13T16:00"   # a Friday
#     passes: |
#       environment: production
#       timeZone: Europe/Berlin
#       start: "2026-03-12T16:00"   # a Thursday
package rollgate.rules.org["friday-afternoon"]

import data.rollgate.lib.util

cutoff := h if {
	h := data.params.fridayCutoffHour
} else := 15

deny contains finding if {
	util.plan_scope
	util.plan_spec.environment == "production"
	zone := object.get(util.plan_spec, "timeZone", "UTC")
	ns := input.facts.start.epoch * 1000000000
	time.weekday([ns, zone]) == "Friday"
	[hour, minute, _] := time.clock([ns, zone])
	hour >= cutoff
	finding := {
		"path": "/spec/start",
		"message": sprintf(
			"Production plan \"%s\" starts on a Friday at %02d:%02d %s, at or after the %d:00 cutoff. Problems found late on a Friday land on a thin weekend on-call rota. Move the start to Monday-Thursday or to Friday before %d:00.",
			[util.plan_name, hour, minute, zone, cutoff, cutoff],
		),
	}
}
