// Package reliability holds fakeaws's reliability tests: linearizability of
// concurrent histories (porcupine), properties of random operation sequences
// (rapid), a load test of the loopback server, Parameter Store's version
// limit, and tables of invalid input for every operation. It has no
// exported API.
//
// CI runs everything small and seeded. Longer runs:
//
//	go test -run TestProperties ./reliability -args -rapid.checks=1000 -rapid.seed=N
//	go test -run '^$' -fuzz '^FuzzParameterName$' -fuzztime 2m ./internal/ssm
//	go test -run '^$' -fuzz '^FuzzReferenceName$' -fuzztime 2m ./internal/ssm
//	go test -run '^$' -fuzz '^FuzzPageToken$' -fuzztime 2m ./internal/ssm
//	go test -run '^$' -fuzz '^FuzzPageToken$' -fuzztime 2m ./internal/sm
//	go test -run '^$' -fuzz '^FuzzHandler$' -fuzztime 2m ./endpoint
//
// TestLoad is skipped with -short.
package reliability
