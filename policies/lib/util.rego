# METADATA
# title: Shared helpers
# description: Scope checks, document accessors and message formatting shared by rollgate rules.
package rollgate.lib.util

# plan_scope is true when the policy evaluates one RolloutPlan.
plan_scope if input.scope == "plan"

# catalogue_scope is true when the policy evaluates the catalogue.
catalogue_scope if input.scope == "catalogue"

# plan is the RolloutPlan document under evaluation.
plan := object.get(input, "plan", {})

plan_spec := object.get(plan, "spec", {})

plan_name := object.get(plan, ["metadata", "name"], "")

# steps of the plan, as written.
steps := object.get(plan_spec, "steps", [])

# fact_steps are the computed facts per step (same order as spec.steps).
fact_steps := object.get(input, ["facts", "steps"], [])

services := s if {
	s := data.catalogue.services
} else := {}

# known_service is true when a Service document of that name exists (also invalid ones).
known_service(name) if data.catalogue.names.Service[name]

known_service(name) if services[name]

# service_spec returns the catalogue spec of a service ({} when unknown).
service_spec(name) := object.get(services, [name, "spec"], {})

# tier of a service (default 3).
service_tier(name) := object.get(services, [name, "spec", "tier"], 3)

# step_tier returns the tier of the service a step changes.
step_tier(i) := t if {
	t := fact_steps[i].tier
} else := service_tier(steps[i].service)

# has_value is true when obj[key] is present and not null, "" or empty.
has_value(obj, key) if {
	v := object.get(obj, key, null)
	v != null
	v != ""
	not empty_collection(v)
}

empty_collection(v) if {
	is_array(v)
	count(v) == 0
}

empty_collection(v) if {
	is_object(v)
	count(v) == 0
}

# quote wraps a string in double quotes.
quote(s) := concat("", ["\"", s, "\""])

# quoted_list formats ["a", "b"] as "a", "b".
quoted_list(xs) := concat(", ", [quote(x) | some x in xs])

# step_path is the JSON pointer of step i.
step_path(i) := sprintf("/spec/steps/%d", [i])

# step_label names step i by id, and by service when it differs.
step_label(i) := s if {
	steps[i].id == steps[i].service
	s := sprintf("step \"%s\"", [steps[i].id])
} else := sprintf("step \"%s\" (service \"%s\")", [steps[i].id, steps[i].service])

# duration formats seconds in human units, e.g. 788400 -> "9d 3h".
duration(s) := "0s" if s == 0

duration(s) := concat("", ["-", _positive_duration(abs(s))]) if s < 0

duration(s) := _positive_duration(s) if s > 0

_positive_duration(s) := out if {
	n := floor(s)
	units := [
		[floor(n / 86400), "d"],
		[floor((n % 86400) / 3600), "h"],
		[floor((n % 3600) / 60), "m"],
		[n % 60, "s"],
	]
	parts := [concat("", [format_int(u[0], 10), u[1]]) | some u in units; u[0] > 0]
	out := _first_two(parts, n)
}

_first_two(parts, _) := concat(" ", array.slice(parts, 0, 2)) if count(parts) > 0

_first_two(parts, _) := "0s" if count(parts) == 0
