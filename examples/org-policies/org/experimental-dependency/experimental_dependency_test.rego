package rollgate.rules.org["experimental-dependency_test"]

import data.rollgate.rules.org["experimental-dependency"] as rule

services(lifecycle) := {
	"checkout": {"metadata": {"name": "checkout"}, "spec": {"tier": 1, "dependsOn": ["recs"], "consumes": [{"api": "recs-api"}]}},
	"recs": {"metadata": {"name": "recs"}, "spec": {"tier": 3, "lifecycle": lifecycle}},
}

test_experimental_dependency_fires if {
	findings := rule.deny with input as {"scope": "catalogue"}
		with data.catalogue.services as services("experimental")
		with data.graph.providers as {"recs-api": ["recs"]}
	{f.path | some f in findings} == {"/spec/dependsOn/0", "/spec/consumes/0"}
}

test_production_dependency_passes if {
	count(rule.deny) == 0 with input as {"scope": "catalogue"}
		with data.catalogue.services as services("production")
		with data.graph.providers as {"recs-api": ["recs"]}
}

test_plan_scope_is_quiet if {
	count(rule.deny) == 0 with input as {"scope": "plan"}
		with data.catalogue.services as services("experimental")
}
