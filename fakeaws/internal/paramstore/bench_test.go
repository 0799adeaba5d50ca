package paramstore

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// filled returns a state with n parameters /svc<i%100>/p<i>, plus /target/x.
func filled(b *testing.B, n int) (*State, core.Env) {
	b.Helper()
	s := New("123456789012", "eu-west-1", nil)
	env := core.Env{Account: "123456789012", Region: "eu-west-1"}
	for i := 0; i < n; i++ {
		if _, err := s.PutParameter(env, &ssm.PutParameterInput{Name: aws.String(fmt.Sprintf("/svc%02d/p%07d", i%100, i)),
			Value: aws.String("v"), Type: types.ParameterTypeString}); err != nil {
			b.Fatal(err)
		}
	}
	return s, env
}

// The cost of a lookup and of a page stays flat as the state grows: the
// map answers point lookups, the index seeks to a path's range.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		s, env := filled(b, n)
		b.Run(fmt.Sprintf("GetParameter/n=%d", n), func(b *testing.B) {
			in := &ssm.GetParameterInput{Name: aws.String("/svc07/p0000007")}
			for b.Loop() {
				if _, err := s.GetParameter(env, in, new(ParameterAnswer)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("GetParametersByPath/n=%d", n), func(b *testing.B) {
			in := &ssm.GetParametersByPathInput{Path: aws.String("/svc42")}
			for b.Loop() {
				if _, err := s.GetParametersByPath(env, in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("DescribeParameters-BeginsWith/n=%d", n), func(b *testing.B) {
			in := &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{
				{Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{"/svc42/"}}}}
			for b.Loop() {
				if _, err := s.DescribeParameters(env, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
