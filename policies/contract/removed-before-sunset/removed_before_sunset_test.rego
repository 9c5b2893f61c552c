package rollgate.rules.contract["removed-before-sunset_test"]

import data.rollgate.rules.contract["removed-before-sunset"] as rule

test_before_sunset_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"removals": [{"step": 0, "api": "feed-api", "providesFrom": -1, "providesIndex": 1, "deprecated": true, "sunset": "2026-06-30", "beforeSunset": true, "consumers": []}]}}}
	contains(f.message, "2026-06-30")
}

test_after_sunset_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"removals": [{"step": 0, "api": "feed-api", "providesFrom": -1, "providesIndex": 1, "deprecated": true, "sunset": "2026-06-30", "beforeSunset": false, "consumers": []}]}}}
}
