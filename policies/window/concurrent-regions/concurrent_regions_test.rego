package rollgate.rules.window["concurrent-regions_test"]

import data.rollgate.rules.window["concurrent-regions"] as rule

plan(tier, n) := {"scope": "plan", "facts": {"window": {"timeline": {"steps": [{"index": 0, "id": "ledger-eu", "service": "ledger", "tier": tier, "concurrentRegions": n}]}}}}

test_two_regions_fires if {
	findings := rule.deny with input as plan(1, 2) with data.params as {"maxConcurrentRegions": 1}
	some f in findings
	contains(f.message, "in 2 regions at once")
}

test_tier2_passes if {
	count(rule.deny) == 0 with input as plan(2, 2) with data.params as {"maxConcurrentRegions": 1}
}

test_one_region_passes if {
	count(rule.deny) == 0 with input as plan(1, 1) with data.params as {"maxConcurrentRegions": 1}
}
