# Wrapper for the benchmark: conftest reports `deny` messages of package main; rollgate's rules
# return finding objects from data.rollgate.main.findings. Each finding becomes one deny message.
package main

deny contains msg if {
	some f in data.rollgate.main.findings
	msg := sprintf("%s %s: %s", [f.rule, f.path, f.message])
}
