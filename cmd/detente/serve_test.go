package main

import (
	"strings"
	"testing"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr    string
		allow   bool
		wantErr string
	}{
		{"127.0.0.1:8080", false, ""},
		{"localhost:8080", false, ""},
		{"[::1]:8080", false, ""},
		{"127.0.0.2:0", false, ""},
		{"0.0.0.0:8080", false, "not a loopback"},
		{":8080", false, "not a loopback"},
		{"192.168.1.5:8080", false, "not a loopback"},
		{"0.0.0.0:8080", true, ""},
		{"8080", false, "missing port"},
	}
	for _, tc := range tests {
		err := checkLoopback(tc.addr, tc.allow)
		if tc.wantErr == "" && err != nil {
			t.Errorf("%s allow=%v: %v", tc.addr, tc.allow, err)
		}
		if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s allow=%v: error %v, want %q", tc.addr, tc.allow, err, tc.wantErr)
		}
	}
}
