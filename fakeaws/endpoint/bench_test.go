package endpoint

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// The operations the benchmarks need, asserted at run time so that the
// benchmarks compile while the fake clients are being filled in.
type (
	parameterAPI interface {
		PutParameter(context.Context, *ssm.PutParameterInput, ...func(*ssm.Options)) (*ssm.PutParameterOutput, error)
		GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
	}
	secretAPI interface {
		CreateSecret(context.Context, *secretsmanager.CreateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error)
		GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
	}
)

var (
	benchParam  = &ssm.GetParameterInput{Name: aws.String("/bench/db/host")}
	benchSecret = &secretsmanager.GetSecretValueInput{SecretId: aws.String("bench/db")}
)

func newBenchStore() *fakeaws.Store {
	return fakeaws.New(fakeaws.WithClock(clock.NewFake(time.Date(2024, 1, 2, 3, 4, 5, 678e6, time.UTC))))
}

// paramStore returns a Store holding one parameter, and the direct answer
// to the benchmarked call.
func paramStore(b *testing.B) (*fakeaws.Store, *ssm.GetParameterOutput) {
	b.Helper()
	st := newBenchStore()
	ps, ok := any(ssmfake.New(st)).(parameterAPI)
	if !ok {
		b.Skip("ssmfake does not serve PutParameter and GetParameter yet")
	}
	ctx := context.Background()
	if _, err := ps.PutParameter(ctx, &ssm.PutParameterInput{Name: benchParam.Name, Value: aws.String("db.internal:5432"), Type: ssmtypes.ParameterTypeString}); err != nil {
		b.Fatal(err)
	}
	p, err := ps.GetParameter(ctx, benchParam)
	if err != nil {
		b.Fatal(err)
	}
	return st, p
}

// secretStore returns a Store holding one secret, and the direct answer to
// the benchmarked call.
func secretStore(b *testing.B) (*fakeaws.Store, *secretsmanager.GetSecretValueOutput) {
	b.Helper()
	st := newBenchStore()
	ss, ok := any(smfake.New(st)).(secretAPI)
	if !ok {
		b.Skip("smfake does not serve CreateSecret and GetSecretValue yet")
	}
	ctx := context.Background()
	if _, err := ss.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: benchSecret.SecretId, SecretString: aws.String(`{"user":"app","password":"s3cr3t"}`)}); err != nil {
		b.Fatal(err)
	}
	s, err := ss.GetSecretValue(ctx, benchSecret)
	if err != nil {
		b.Fatal(err)
	}
	return st, s
}

// canned answers every request with the same body: the SDK's own cost,
// with no Store behind it.
func canned(ssmBody, smBody []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := ssmBody
		if r.Header.Get("X-Amz-Target") == "secretsmanager.GetSecretValue" {
			body = smBody
		}
		h := w.Header()
		h.Set("Content-Type", "application/x-amz-json-1.1")
		h.Set("X-Amzn-Requestid", "00000000-0000-4000-8000-000000000000")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	})
}

// BenchmarkGetParameter measures one GetParameter through each way in.
func BenchmarkGetParameter(b *testing.B) {
	st, direct := paramStore(b)
	ctx := context.Background()
	run := func(b *testing.B, c interface {
		GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
	}) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.GetParameter(ctx, benchParam); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("direct", func(b *testing.B) { run(b, any(ssmfake.New(st)).(parameterAPI)) })
	b.Run("sdk-config", func(b *testing.B) { run(b, ssm.NewFromConfig(Config(st))) })
	b.Run("sdk-server", func(b *testing.B) {
		srv := NewServer(st)
		defer srv.Close()
		run(b, ssm.NewFromConfig(srv.Config()))
	})
	b.Run("sdk-canned", func(b *testing.B) {
		h := canned(EncodeJSON(direct), nil)
		run(b, ssm.NewFromConfig(sdkConfig(st, "http://fakeaws.localhost", &inMemory{h: h})))
	})
}

// BenchmarkGetSecretValue measures one GetSecretValue through each way in.
func BenchmarkGetSecretValue(b *testing.B) {
	st, direct := secretStore(b)
	ctx := context.Background()
	run := func(b *testing.B, c interface {
		GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
	}) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.GetSecretValue(ctx, benchSecret); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("direct", func(b *testing.B) { run(b, any(smfake.New(st)).(secretAPI)) })
	b.Run("sdk-config", func(b *testing.B) { run(b, secretsmanager.NewFromConfig(Config(st))) })
	b.Run("sdk-server", func(b *testing.B) {
		srv := NewServer(st)
		defer srv.Close()
		run(b, secretsmanager.NewFromConfig(srv.Config()))
	})
	b.Run("sdk-canned", func(b *testing.B) {
		h := canned(nil, EncodeJSON(direct))
		run(b, secretsmanager.NewFromConfig(sdkConfig(st, "http://fakeaws.localhost", &inMemory{h: h})))
	})
}

// BenchmarkServerLoad is a load run of the loopback server: 16 clients at
// once on keep-alive connections, 80% GetParameter, 10% GetSecretValue, 10%
// PutParameter overwrites, through the real SDK. Any error fails it;
// req/s is the whole server's throughput.
//
//	go test -run '^$' -bench ServerLoad -benchtime 20000x ./endpoint
func BenchmarkServerLoad(b *testing.B) {
	st, _ := paramStore(b)
	ctx := context.Background()
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: benchSecret.SecretId, SecretString: aws.String("s3cr3t")}); err != nil {
		b.Fatal(err)
	}
	srv := NewServer(st)
	defer srv.Close()
	cfg := srv.Config()
	cfg.HTTPClient = &http.Client{Transport: &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 64}}
	ps, sm := ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
	put := &ssm.PutParameterInput{Name: aws.String("/bench/load"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)}
	b.ReportAllocs()
	b.SetParallelism(8) // 16 clients on 2 cores
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			var err error
			switch i % 10 {
			case 0:
				_, err = sm.GetSecretValue(ctx, benchSecret)
			case 5:
				_, err = ps.PutParameter(ctx, put)
			default:
				_, err = ps.GetParameter(ctx, benchParam)
			}
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}
