package rollgate.rules.readiness["no-progressive-exposure_test"]

import data.rollgate.rules.readiness["no-progressive-exposure"] as rule

services := {"payments": {"spec": {"tier": 1}}, "web": {"spec": {"tier": 2}}}

plan(service, step) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [object.union({"id": "s", "service": service, "to": "2.0.0"}, step)]}}}

test_recreate_fires if {
	findings := rule.deny with input as plan("payments", {"strategy": "recreate", "stages": [{"traffic": 5}]})
		with data.catalogue.services as services with data.params.maxFirstStageTraffic as 10
	{f.path | some f in findings} == {"/spec/steps/0/strategy"}
}

test_large_first_stage_fires if {
	findings := rule.deny with input as plan("payments", {"strategy": "canary", "stages": [{"traffic": 50}, {"traffic": 100}]})
		with data.catalogue.services as services with data.params.maxFirstStageTraffic as 10
	{f.path | some f in findings} == {"/spec/steps/0/stages/0/traffic"}
}

test_no_stages_fires if {
	findings := rule.deny with input as plan("payments", {"strategy": "blueGreen"})
		with data.catalogue.services as services with data.params.maxFirstStageTraffic as 10
	{f.path | some f in findings} == {"/spec/steps/0"}
}

test_small_first_stage_passes if {
	count(rule.deny) == 0 with input as plan("payments", {"strategy": "canary", "stages": [{"traffic": 10}, {"traffic": 100}]})
		with data.catalogue.services as services with data.params.maxFirstStageTraffic as 10
}

test_tier2_recreate_passes if {
	count(rule.deny) == 0 with input as plan("web", {"strategy": "recreate"})
		with data.catalogue.services as services with data.params.maxFirstStageTraffic as 10
}
