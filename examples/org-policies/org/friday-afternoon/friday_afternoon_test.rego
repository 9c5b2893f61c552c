package rollgate.rules.org["friday-afternoon_test"]

import data.rollgate.rules.org["friday-afternoon"] as rule

# 2026-03-13 is a Friday; 15:30 Berlin is 14:30 UTC (epoch 1773412200).
plan(env, epoch) := {"scope": "plan", "facts": {"start": {"epoch": epoch}}, "plan": {
	"metadata": {"name": "p"},
	"spec": {"environment": env, "timeZone": "Europe/Berlin", "steps": []},
}}

test_friday_afternoon_fires if {
	findings := rule.deny with input as plan("production", 1773412200)
	{f.path | some f in findings} == {"/spec/start"}
}

test_friday_morning_passes if {
	count(rule.deny) == 0 with input as plan("production", 1773388800)
}

test_staging_passes if {
	count(rule.deny) == 0 with input as plan("staging", 1773412200)
}

test_cutoff_parameter if {
	count(rule.deny) == 0 with input as plan("production", 1773412200) with data.params.fridayCutoffHour as 16
}
