# METADATA
# title: Invalid time zone
# description: >-
#   A time zone (of a plan, a calendar or one of its entries) is not a known IANA name. rollgate
#   never guesses UTC: times in that zone cannot be placed, so the checks that need them are skipped.
# custom:
#   severity: error
#   examples:
#     fails: |
#       timeZone: Europe/Berlinn
#     passes: |
#       timeZone: Europe/Berlin
package rollgate.rules.window["invalid-time-zone"]

import data.rollgate.lib.window

deny contains finding if {
	some [doc, p] in window.time_problems
	p.problem == "unknown-zone"
	finding := window.finding_for(doc, {
		"path": p.path,
		"message": sprintf(
			"\"%s\" in %s is not a known IANA time zone, so the times that depend on it cannot be placed in time and the window checks that need them are skipped. Use a name from the IANA database, such as \"Europe/Berlin\" or \"America/New_York\".",
			[p.text, window.where(doc)],
		),
	})
}
