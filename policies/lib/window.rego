# METADATA
# title: Window helpers
# description: Access to the window facts (docs/input-document.md) shared by the window rules.
package rollgate.lib.window

import data.rollgate.lib.util

# facts is the window section of the plan facts ({} when absent).
facts := object.get(input, ["facts", "window"], {})

# timeline is present only when the plan's start could be placed in time.
timeline := facts.timeline

# time_problems lists the plan's time problems in plan scope, or each calendar's in catalogue scope,
# as [document, problem] pairs (document null for the plan itself).
time_problems contains [null, p] if {
	util.plan_scope
	some p in object.get(facts, "timeProblems", [])
}

time_problems contains [{"kind": "ChangeCalendar", "name": name}, p] if {
	util.catalogue_scope
	some name, cal in object.get(input, ["facts", "calendars"], {})
	some p in cal.timeProblems
}

# finding_for adds the document of a time problem to a finding when it is about a calendar.
finding_for(doc, f) := f if doc == null

finding_for(doc, f) := object.union(f, {"document": doc}) if doc != null

# where names the place of a time problem for messages.
where(null) := "this plan"

where(doc) := sprintf("calendar \"%s\"", [doc.name]) if doc != null

# rollback_seconds is the rollback budget: the largest rollback.duration, with
# defaultRollbackDuration for every step that declares none.
rollback_seconds := max(array.concat(
	[x | x := timeline.rollback.largestSeconds; x != null],
	[d | count(timeline.rollback.missing) > 0; d := data.params.defaultRollbackDuration.seconds],
))

# step_name labels a step fact.
step_name(s) := sprintf("step \"%s\"", [s.id]) if s.id == s.service

step_name(s) := sprintf("step \"%s\" (service \"%s\")", [s.id, s.service]) if s.id != s.service

# in_region says where a region slice runs (empty for a region-agnostic service).
in_region(r) := sprintf(" in %s", [r.region]) if r.region != null

in_region(r) := "" if r.region == null
