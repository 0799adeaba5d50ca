package reliability_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"
)

// TestParameterVersionLimit: Parameter Store keeps at most 100 versions,
// dropping the oldest unlabelled one on each put past 100; a label on the
// oldest version makes the put fail with ParameterMaxVersionLimitExceeded
// and change nothing (docs/aws-behaviour.md §2.5; SDK doc of PutParameter).
func TestParameterVersionLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		labelOld  bool
		puts      int
		wantFirst int64
		wantCode  string // of the last put
	}{
		{"130 puts keep versions 31 to 130 (docs/aws-behaviour.md §2.5)", false, 130, 31, ""},
		{"a label on version 1 stops put 101 (docs/aws-behaviour.md §2.5)", true, 101, 1, "ParameterMaxVersionLimitExceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			f := newFakes(5)
			var last error
			for i := 1; i <= tt.puts; i++ {
				if i == tt.puts {
					before := fullDump(t, f)
					defer func() {
						if last != nil {
							if diff := cmp.Diff(before, fullDump(t, f), dumpOpts); diff != "" {
								t.Errorf("failed put changed the Store (-want +got):\n%s", diff)
							}
						}
					}()
				}
				_, last = f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a"), Value: aws.String(fmt.Sprint(i)),
					Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
				if last != nil && i < tt.puts {
					t.Fatalf("put %d: %v", i, last)
				}
				if i == 1 && tt.labelOld {
					if _, err := f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/a"), Labels: []string{"keep"}}); err != nil {
						t.Fatal(err)
					}
				}
			}
			if got := errCode(last); got != tt.wantCode {
				t.Errorf("last put: %v, want code %q", last, tt.wantCode)
			}
			d := fullDump(t, f)
			h := d.Params["/p/a"].History
			if len(h) != 100 || h[0].Version != tt.wantFirst {
				t.Errorf("history has %d versions from %d, want 100 from %d", len(h), h[0].Version, tt.wantFirst)
			}
		})
	}
}
