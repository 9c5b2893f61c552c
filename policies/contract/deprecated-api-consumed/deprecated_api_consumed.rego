# METADATA
# title: Deprecated API consumed
# description: >-
#   A service (in its Service document, or a step's new version) consumes an API its provider marks
#   `deprecated`. A warning while the API is only deprecated; an error once its `sunset` date has
#   passed (at --now for Services, at the plan's start for steps).
# custom:
#   severity: warning
#   examples:
#     fails: |
#       # auth provides auth-legacy-api, deprecated: true
#       consumes:
#         - {api: auth-legacy-api, versions: "^3.0.0"}
#     passes: |
#       consumes:
#         - {api: auth-api, versions: "^4.0.0"}
package rollgate.rules.contract["deprecated-api-consumed"]

import data.rollgate.lib.util

# The deprecated contract of an API, from its first provider.
deprecated_contract(api) := p if {
	provider := data.graph.providers[api][0]
	some p in object.get(util.services, [provider, "spec", "provides"], [])
	p.api == api
	p.deprecated == true
}

# A Service's sunset has passed when --now's UTC date is after it (dates without a zone are UTC).
passed(sunset) if substring(input.now.iso, 0, 10) > sunset

severity(p) := "error" if passed(p.sunset)

severity(p) := "warning" if not passed(object.get(p, "sunset", "9999-12-31"))

sunset_text(p) := sprintf(", and its sunset %s has passed", [p.sunset]) if passed(p.sunset)

sunset_text(p) := sprintf(" with sunset %s", [p.sunset]) if {
	not passed(p.sunset)
}

sunset_text(p) := "" if not p.sunset

deny contains finding if {
	util.catalogue_scope
	some name, doc in util.services
	some i, c in object.get(doc, ["spec", "consumes"], [])
	p := deprecated_contract(c.api)
	finding := {
		"document": {"kind": "Service", "name": name},
		"path": sprintf("/spec/consumes/%d", [i]),
		"severity": severity(p),
		"message": sprintf(
			"Service \"%s\" consumes %s, which service \"%s\" marks deprecated%s. It may be removed; move to its replacement and drop this entry.",
			[name, c.api, data.graph.providers[c.api][0], sunset_text(p)],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some d in object.get(input, ["facts", "contract", "deprecatedNeeds"], [])
	step := util.steps[d.step]
	finding := {
		"path": sprintf("/spec/steps/%d/consumes/%d", [d.step, d.index]),
		"severity": step_severity(d),
		"message": sprintf(
			"The new version of service \"%s\" (step \"%s\") consumes %s, which service \"%s\" marks deprecated%s. Do not add new uses of a deprecated API; move to its replacement.",
			[step.service, step.id, d.api, d.provider, step_sunset_text(d)],
		),
	}
}

step_severity(d) := "error" if d.sunsetPassed

step_severity(d) := "warning" if not d.sunsetPassed

step_sunset_text(d) := sprintf(", and its sunset %s has passed at the plan's start", [d.sunset]) if d.sunsetPassed

step_sunset_text(d) := sprintf(" with sunset %s", [d.sunset]) if {
	not d.sunsetPassed
	d.sunset
}

step_sunset_text(d) := "" if not d.sunset
