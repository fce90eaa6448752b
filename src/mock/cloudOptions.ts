/** The public shape of the mock cloud: how to start it and what you get back. */
export interface MockCloudOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The mock's clock in epoch milliseconds (X-Sdk-Date window, token lifetimes). Default Date.now. */
  now?: () => number;
  /** No request log lines. */
  quiet?: boolean;
  /**
   * More permanent AK/SK pairs the gateway accepts, AK to SK, besides MOCK_AKSK: e.g. the official guide vector's
   * keys, so a published signature can be replayed against the mock byte for byte.
   */
  extraKeys?: Readonly<Record<string, string>>;
}

export interface MockCloud {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}
