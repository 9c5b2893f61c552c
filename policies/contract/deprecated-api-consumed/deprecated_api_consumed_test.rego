package rollgate.rules.contract["deprecated-api-consumed_test"]

import data.rollgate.rules.contract["deprecated-api-consumed"] as rule

svcs := {
	"auth": {"spec": {"provides": [{"api": "old-api", "version": "3.9.0", "deprecated": true, "sunset": "2026-06-30"}, {"api": "new-api", "version": "4.0.0"}]}},
	"web": {"spec": {"consumes": [{"api": "old-api", "versions": "^3.0.0"}]}},
}

providers := {"old-api": ["auth"], "new-api": ["auth"]}

test_warning_before_sunset if {
	findings := rule.deny with input as {"scope": "catalogue", "now": {"iso": "2026-03-10T12:00:00Z"}} with data.catalogue.services as svcs with data.graph.providers as providers
	{f.severity | some f in findings} == {"warning"}
}

test_error_after_sunset if {
	findings := rule.deny with input as {"scope": "catalogue", "now": {"iso": "2026-07-01T00:00:00Z"}} with data.catalogue.services as svcs with data.graph.providers as providers
	{f.severity | some f in findings} == {"error"}
}

test_current_api_passes if {
	s := object.union(svcs, {"web": {"spec": {"consumes": [{"api": "new-api", "versions": "^4.0.0"}]}}})
	count(rule.deny) == 0 with input as {"scope": "catalogue", "now": {"iso": "2026-03-10T12:00:00Z"}} with data.catalogue.services as s with data.graph.providers as providers
}

test_step_need_fires if {
	inp := {"scope": "plan", "plan": {"spec": {"steps": [{"id": "web", "service": "web", "to": "1.1.0"}]}}, "facts": {"contract": {"deprecatedNeeds": [{"step": 0, "index": 1, "api": "old-api", "provider": "auth", "sunsetPassed": false}]}}}
	some f in rule.deny with input as inp
	f.path == "/spec/steps/0/consumes/1"
}
