# METADATA
# title: Dependency cycle
# description: >-
#   The service dependency graph (consumes and dependsOn edges) has a cycle. No safe rollout order
#   exists for the services on it, and a failure can feed back into itself.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # Service a:  dependsOn: [b]
#       # Service b:  dependsOn: [a]
#     passes: |
#       # Service a:  dependsOn: [b]
#       # Service b:  dependsOn: []
package rollgate.rules.graph.cycle

import data.rollgate.lib.util

edge_path(edge) := sprintf("/spec/consumes/%d/api", [edge.index]) if edge.via == "consumes"

edge_path(edge) := sprintf("/spec/dependsOn/%d", [edge.index]) if edge.via == "dependsOn"

edge_text(edge) := sprintf("%s consumes %s from %s", [edge.from, edge.api, edge.to]) if edge.via == "consumes"

edge_text(edge) := sprintf("%s lists %s in dependsOn", [edge.from, edge.to]) if edge.via == "dependsOn"

deny contains finding if {
	util.catalogue_scope
	some cycle in data.graph.cycles
	first := cycle.edges[0]
	finding := {
		"document": {"kind": "Service", "name": first.from},
		"path": edge_path(first),
		"message": sprintf(
			"The dependency graph has a cycle: %s (%s). Services on a cycle have no safe rollout order and a failure can propagate back to its source. Break the cycle by removing or inverting one of these dependencies.",
			[concat(" -> ", cycle.services), concat("; ", [edge_text(e) | some e in cycle.edges])],
		),
		"related": [r |
			some n, e in cycle.edges
			n > 0
			r := {
				"document": {"kind": "Service", "name": e.from},
				"path": edge_path(e),
				"message": edge_text(e),
			}
		],
	}
}
