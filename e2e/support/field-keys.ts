// The end-to-end run's server is a production build, which needs real field keys (SECURITY.md
// PD-04). These are the run's own, public keys, for its own made-up people only. The test
// workers get the same, so the helpers that write rows straight to the database seal as the
// server does.
export const e2eFieldKeys = {
  FIELD_ENCRYPTION_KEYS: 'e2e1:TQFoqN25mF0Mp5S0Q301DIF8rEYQ/KPG/EqyfNj/OMM=',
  FIELD_LOOKUP_KEY: 'HEdfDXL5fLqjUhwCrLaFeywahN1MKAtoIeaeO7OnWN0=',
}
