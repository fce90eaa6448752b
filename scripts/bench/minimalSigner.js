/*
 * The floor of `npm run bench`'s per-request figures: about the least a Postman pre-request script can do and still
 * sign a request, written the way signing scripts on Huawei Cloud's forums are, with the sandbox's own CryptoJS:
 * read AK and SK, build the canonical request from the resolved URL (host and X-Sdk-Date signed) and the raw body,
 * hash, HMAC, set two headers. It does less than a signer users can rely on must do (no other body modes, no path
 * variables, no percent-encoding rules beyond encodeURIComponent, no checks, no failing closed), so what it costs over
 * the trivial script is a lower bound for any signer. test/sandbox/minimalSigner.test.ts checks that its signatures
 * verify on the simple requests it handles.
 */
(function () {
  var CryptoJS = require('crypto-js');
  var ak = pm.variables.get('HUAWEICLOUD_SDK_AK');
  var sk = pm.variables.get('HUAWEICLOUD_SDK_SK');
  var url = pm.request.url;
  var date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  var host = pm.variables.replaceIn(url.getRemote());
  var path = pm.variables.replaceIn(url.getPath());
  if (path.slice(-1) !== '/') path += '/';
  var query = url.query.all().filter(function (p) { return !p.disabled; }).map(function (p) {
    return encodeURIComponent(p.key) + '=' + encodeURIComponent(pm.variables.replaceIn(p.value || ''));
  }).sort().join('&');
  var body = pm.request.body && pm.request.body.mode === 'raw' ? pm.variables.replaceIn(pm.request.body.raw) : '';
  var canonical = [pm.request.method, path, query, 'host:' + host + '\nx-sdk-date:' + date + '\n', 'host;x-sdk-date',
    CryptoJS.SHA256(body).toString()].join('\n');
  var signature = CryptoJS.HmacSHA256('SDK-HMAC-SHA256\n' + date + '\n' + CryptoJS.SHA256(canonical).toString(), sk).toString();
  pm.request.headers.upsert({ key: 'X-Sdk-Date', value: date });
  pm.request.headers.upsert({ key: 'Authorization', value: 'SDK-HMAC-SHA256 Access=' + ak + ', SignedHeaders=host;x-sdk-date, Signature=' + signature });
})();
