package endpoint

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// The credentials Config and Server.Config sign with. The access key is the
// account (twelve digits), so requests land in the Store's default account.
const fakeSecretKey = "fakeaws-secret-access-key"

// Config returns an aws.Config whose HTTP client serves every request in
// memory from Handler(st, opts...): no socket, no goroutine, safe for
// parallel tests. It has static credentials and the Store's region, so
//
//	cfg := endpoint.Config(st)
//	ssmc := ssm.NewFromConfig(cfg)
//	smc := secretsmanager.NewFromConfig(cfg)
//
// are the real SDK clients, with their own serialisation, validation,
// signing, retries and error decoding, answering from st. A client made with
// another Region (an option of NewFromConfig) reaches that region of the
// Store. Retries are the SDK's standard ones, without the backoff delay.
func Config(st *fakeaws.Store, opts ...Option) aws.Config {
	return sdkConfig(st, "http://fakeaws.localhost", &inMemory{h: newHandler(st, opts...)})
}

func sdkConfig(st *fakeaws.Store, url string, client aws.HTTPClient) aws.Config {
	return aws.Config{
		Region:       st.Region(),
		Credentials:  staticCredentials(st.Account()),
		BaseEndpoint: aws.String(url),
		HTTPClient:   client,
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
				o.RateLimiter = ratelimit.None
			})
		},
	}
}

// staticCredentials signs with accessKey and the fake secret key.
func staticCredentials(accessKey string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: fakeSecretKey, Source: "fakeaws"}, nil
	})
}

// inMemory is an aws.HTTPClient that hands each request straight to a
// handler and returns what it wrote.
type inMemory struct{ h http.Handler }

func (c *inMemory) Do(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if req.Body == nil {
		req.Body = http.NoBody
	}
	if req.Host == "" {
		req.Host = req.URL.Host
	}
	rec := &recorder{header: http.Header{}}
	c.h.ServeHTTP(rec, req)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return &http.Response{
		Status:        strconv.Itoa(rec.status) + " " + http.StatusText(rec.status),
		StatusCode:    rec.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(bytes.NewReader(rec.body.Bytes())),
		ContentLength: int64(rec.body.Len()),
		Request:       req,
	}, nil
}

// recorder is the http.ResponseWriter of an in-memory request.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}
