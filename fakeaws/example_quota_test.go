package fakeaws_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// parameterGetter is what the code under test needs of *ssm.Client.
type parameterGetter interface {
	GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

// readWithBackoff is the code under test: it reads every name, backing off
// exponentially (10 ms, 20 ms, ... up to 1 s) whenever AWS throttles it.
// sleep is time.Sleep in production.
func readWithBackoff(ctx context.Context, c parameterGetter, names []string, sleep func(time.Duration)) (values []string, throttled int, err error) {
	for _, name := range names {
		backoff := 10 * time.Millisecond
		for {
			out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
			var te *types.ThrottlingException
			if errors.As(err, &te) {
				throttled++
				sleep(backoff)
				backoff = min(2*backoff, time.Second)
				continue
			}
			if err != nil {
				return nil, throttled, err
			}
			values = append(values, aws.ToString(out.Parameter.Value))
			break
		}
	}
	return values, throttled, nil
}

// A retry loop tested against Parameter Store's request quota (40 reads
// per second) in no wall-clock time: the test's sleep moves the Store's
// fake clock, which is what refills the quota.
func Example_quotaRetryLoop() {
	clk := clock.NewFake(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuotas())
	c := ssmfake.New(st)
	ctx := context.Background()
	var names []string
	for i := range 100 {
		name := fmt.Sprintf("/app/key%02d", i)
		// Writes have a quota too (3 per second): set up on the clock.
		for {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(fmt.Sprint(i)), Type: types.ParameterTypeString})
			if err == nil {
				break
			}
			clk.Advance(time.Second)
		}
		names = append(names, name)
	}
	clk.Advance(time.Minute) // every quota full again
	start := clk.Now()

	values, throttled, err := readWithBackoff(ctx, c, names, func(d time.Duration) { clk.Advance(d) })
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d values, last %s; throttled %d times; %v of the Store's clock\n", len(values), values[len(values)-1], throttled, clk.Now().Sub(start))
	// Output:
	// read 100 values, last 99; throttled 105 times; 1.5s of the Store's clock
}
