# METADATA
# title: Contract helpers
# description: Wording and locations shared by the contract and rollback rules (facts.contract).
package rollgate.lib.contract

import data.rollgate.lib.util

facts := object.get(input, ["facts", "contract"], {})

violations := object.get(facts, "violations", [])

states := object.get(facts, "states", [])

# capitalize upper-cases the first letter.
capitalize(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

# state_text words a plan state: "while step "ledger" is rolling out in eu-west-1".
state_text(i) := _state_text(states[i])

_state_text(s) := sprintf("while step \"%s\" is rolling out in %s", [s.step, s.region]) if {
	s.kind == "during"
	s.region != ""
}

_state_text(s) := sprintf("while step \"%s\" is rolling out", [s.step]) if {
	s.kind == "during"
	s.region == ""
}

_state_text(s) := sprintf("after step \"%s\"", [s.step]) if s.kind == "after"

_state_text(s) := sprintf("while step \"%s\" is being rolled back in %s", [s.step, s.region]) if {
	s.kind == "rollingBack"
	s.region != ""
}

_state_text(s) := sprintf("while step \"%s\" is being rolled back", [s.step]) if {
	s.kind == "rollingBack"
	s.region == ""
}

_state_text(s) := sprintf("after rolling back step \"%s\"", [s.step]) if s.kind == "rolledBack"

_state_text(s) := sprintf("when step \"%s\" alone is rolled back", [s.step]) if s.kind == "rollbackAlone"

# consumer_text names the consumer version whose need breaks.
consumer_text(v) := sprintf("the new version %s of service \"%s\" (step \"%s\")", [v.consumerVersion, v.consumer, util.steps[v.consumesFrom].id]) if {
	v.consumesFrom >= 0
} else := sprintf("service \"%s\" %s", [v.consumer, v.consumerVersion])

# provider_text names the provider version that breaks it.
provider_text(v) := sprintf("service \"%s\" %s serves %s %s", [v.provider, v.providerVersion, v.api, v.contractVersion]) if {
	v.contractVersion
} else := sprintf("service \"%s\" %s does not provide %s at all", [v.provider, v.providerVersion, v.api])

# unordered_text explains a combination that exists only because two steps are not ordered.
unordered_text(v) := sprintf(" Step \"%s\" is not ordered with it through `after`, so both may be rolling out at the same time.", [v.unordered]) if {
	v.unordered
} else := ""

# violation_path points at the step that makes the need break: the consumer step's `consumes`
# entry when it declares the range, else the provider step's `provides` entry (or list).
violation_path(v) := sprintf("/spec/steps/%d/consumes/%d", [v.consumesFrom, v.consumesIndex]) if {
	v.consumesFrom >= 0
} else := sprintf("/spec/steps/%d/provides/%d", [v.providesFrom, v.providesIndex]) if {
	v.providesFrom >= 0
	is_number(v.providesIndex)
} else := sprintf("/spec/steps/%d/provides", [v.providesFrom])

# violation_related points at the other side: the consumer's `consumes` entry in its Service file,
# or, when the plan declares the range, where the provider's contract version is declared.
violation_related(v) := [{
	"document": {"kind": "Service", "name": v.consumer},
	"path": sprintf("/spec/consumes/%d", [v.consumesIndex]),
	"message": sprintf("service \"%s\" accepts %s %s", [v.consumer, v.api, v.range]),
}] if {
	v.consumesFrom < 0
} else := [{
	"path": sprintf("/spec/steps/%d/provides/%d", [v.providesFrom, v.providesIndex]),
	"message": sprintf("step \"%s\" provides %s %s", [util.steps[v.providesFrom].id, v.api, v.contractVersion]),
}] if {
	v.providesFrom >= 0
	is_number(v.providesIndex)
} else := [{
	"document": {"kind": "Service", "name": v.provider},
	"path": sprintf("/spec/provides/%d", [v.providesIndex]),
	"message": sprintf("service \"%s\" provides %s %s today", [v.provider, v.api, v.contractVersion]),
}] if {
	is_number(v.providesIndex)
} else := []

# step_index finds a step by id.
step_index(id) := i if {
	some i, s in util.steps
	s.id == id
}

# descendants of step i: the steps ordered after it (they have it among their ancestors).
descendants(i) := sort([f.id |
	some f in util.fact_steps
	util.steps[i].id in object.get(f, "ancestors", [])
])

# where_text adds the region of a violation when the state's wording does not name it.
where_text(v) := sprintf(" in %s", [v.region]) if {
	v.region != ""
	states[v.state].region == ""
} else := ""
