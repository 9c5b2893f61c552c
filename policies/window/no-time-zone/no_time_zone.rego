# METADATA
# title: Local time without a time zone
# description: >-
#   A local instant (no offset) has no time zone in its context (the plan's or the entry's
#   `timeZone`, or the calendar's), so it cannot be placed in time.
# custom:
#   severity: error
#   examples:
#     fails: |
#       start: 2026-03-10T22:00          # no timeZone in the plan
#     passes: |
#       timeZone: Europe/Berlin
#       start: 2026-03-10T22:00
package rollgate.rules.window["no-time-zone"]

import data.rollgate.lib.window

deny contains finding if {
	some [doc, p] in window.time_problems
	p.problem == "no-zone"
	finding := window.finding_for(doc, {
		"path": p.path,
		"message": sprintf(
			"\"%s\" in %s is a local time, but no time zone is given for it, so rollgate cannot tell when it is (and does not assume UTC). Add a timeZone (for example timeZone: Europe/Berlin) or write the time with its offset, like 2026-03-10T22:00+01:00.",
			[p.text, window.where(doc)],
		),
	})
}
