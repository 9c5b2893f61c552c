# METADATA
# title: Ambiguous local time
# description: >-
#   A local instant falls in a DST gap (the wall time does not exist that day) or overlap (it
#   happens twice). rollgate resolves it as RFC 5545 does (a gap moves forward by its length, an
#   overlap takes the first occurrence), which may not be what the author meant.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       timeZone: Europe/Berlin
#       start: 2026-03-29T02:30     # 02:00 CET jumps to 03:00 CEST that night
#     passes: |
#       timeZone: Europe/Berlin
#       start: 2026-03-29T03:30
package rollgate.rules.window["ambiguous-local-time"]

import data.rollgate.lib.window

what := {
	"gap": "does not exist in %s that day (the clocks skip %s), so it was moved forward to %s",
	"overlap": "happens twice in %s that day (the clocks repeat %s), so the first one was taken: %s",
}

deny contains finding if {
	some [doc, p] in window.time_problems
	some kind, text in what
	p.problem == kind
	finding := window.finding_for(doc, {
		"path": p.path,
		"message": sprintf(
			"\"%s\" in %s %s. Write the time with its UTC offset (like 2026-03-29T03:30+02:00) or pick a time outside the daylight-saving change.",
			[p.text, window.where(doc), sprintf(text, [p.zone, p.shift, p.resolved])],
		),
	})
}
