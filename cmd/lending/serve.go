package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dinie/lending/api"
	"github.com/dinie/lending/sandbox"
)

const serveUsageText = `usage:
  lending serve [--addr 127.0.0.1:8080] [--seed N] [--now INSTANT]

Serves the whole API from memory (the sandbox), computing every figure with the
library, and prints one JSON line on stdout with the base URL and a credential:
  {"base_url":"http://127.0.0.1:8080/v3","client_id":"dinie_ci_…","client_secret":"dinie_cs_test_…"}

Flags:
  --addr   the address to listen on (default 127.0.0.1:8080; port 0 picks one)
  --seed   make ids, secrets and generated data reproducible (default: random)
  --now    start the sandbox clock at this RFC 3339 instant (default: the real
           clock); it then runs at the real clock's pace

SIGINT or SIGTERM shuts it down gracefully: in-flight requests finish and pending
webhook deliveries are attempted once more.

Exit status: 0 after a graceful shutdown; 1 when it cannot listen or serve; 2 on a
usage error.
`

func serveUsage(s streams, problem string) int {
	return commandUsage(s, "serve", serveUsageText, problem)
}

// runServe runs `lending serve` until SIGINT or SIGTERM.
func runServe(args []string, s streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, s)
}

// serve is runServe with its lifetime in ctx, so tests can stop it.
func serve(ctx context.Context, args []string, s streams) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	seed := fs.Uint64("seed", 0, "make ids and secrets reproducible")
	nowText := fs.String("now", "", "start the clock at this RFC 3339 instant")
	onceEach(fs)
	if code, done := parseFlags(fs, args, s, serveUsageText); done {
		return code
	}
	if fs.NArg() > 0 {
		return serveUsage(s, fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	var cfg sandbox.Config
	if set := flagsSet(fs); set["seed"] {
		cfg.Rand = sandbox.Seeded(*seed)
	}
	if *nowText != "" {
		start, err := api.ParseInstant(*nowText)
		if err != nil {
			return serveUsage(s, "--now: "+reasonWithInput(err))
		}
		real0 := time.Now()
		cfg.Now = func() time.Time { return start.Add(time.Since(real0)) }
	}
	sb, cred, err := sandbox.New(cfg)
	if err != nil {
		fmt.Fprintf(s.err, "lending serve: %v\n", err)
		return exitInvalid
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(s.err, "lending serve: %v\n", err)
		return exitInvalid
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 64 << 10}
	line, _ := json.Marshal(struct {
		BaseURL      string `json:"base_url"`
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}{"http://" + ln.Addr().String() + api.BasePath, cred.ClientID, cred.ClientSecret})
	fmt.Fprintf(s.out, "%s\n", line)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(s.err, "lending serve: %v\n", err)
		return exitInvalid
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shut) // in-flight requests finish
	if cerr := sb.Close(shut); err == nil {
		err = cerr
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(s.err, "lending serve: shutting down: %v\n", err)
		return exitInvalid
	}
	return exitOK
}
