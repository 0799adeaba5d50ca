// Package reliability holds fakeaws's reliability tests: linearizability of
// concurrent histories (porcupine), properties of random operation sequences
// (rapid), a load test of the loopback server, and tables of invalid input.
// It has no exported API.
package reliability
