// The gate benchmark's workloads, loaded by gate-with.html and gate-without.html alike.
// Each returns the milliseconds it took, including the microtask checkpoint that follows it,
// so that MutationObserver callbacks queued by the work are counted too.
(function () {
  const settle = () => Promise.resolve();

  // Untimed, before every measurement in both pages: leftovers of earlier work must not land on
  // the next measurement (of either page). Chromium sends cookie writes to its network service
  // without waiting; reading document.cookie waits until they have all been applied. Then a
  // garbage collection (the bench launches Chromium with --expose-gc) and a quiet moment.
  async function quiet() {
    void document.cookie;
    if (typeof window.gc === 'function') window.gc();
    await new Promise((done) => setTimeout(done, 30));
  }

  async function dom(count) {
    const host = document.createElement('section');
    document.body.appendChild(host);
    const start = performance.now();
    let made = 0;
    for (let index = 0; made < count; index += 1) {
      if (index % 10 === 9) {
        // A small subtree built detached, then inserted with append(): 4 elements.
        const card = document.createElement('div');
        const title = document.createElement('h3');
        title.textContent = `Card ${index}`;
        const link = document.createElement('a');
        link.href = `#card-${index}`;
        link.textContent = 'more';
        const note = document.createElement('span');
        note.className = 'note';
        note.append('note ', String(index));
        card.append(title, link, note);
        host.append(card);
        made += 4;
      } else {
        const item = document.createElement('div');
        item.textContent = `Item ${index}`;
        host.appendChild(item);
        made += 1;
      }
    }
    await settle();
    const elapsed = performance.now() - start;
    host.remove();
    await settle();
    return elapsed;
  }

  // Returns [main-thread ms, ms until the writes have landed]. The browser applies each write in its
  // network service after the call returns; the one read at the end waits for all of them.
  async function cookies(count, round) {
    const start = performance.now();
    for (let index = 0; index < count; index += 1) {
      if (index % 50 === 49) {
        // A few persistent first-party cookies (Max-Age).
        document.cookie = `bench_keep_${index % 5}=${round}-${index}; path=/; max-age=3600; SameSite=Lax`;
      } else {
        // Mostly session cookies, cycling through 40 names (Chromium keeps ~180 per host).
        document.cookie = `bench_s${index % 40}=${round}-${index}; path=/; SameSite=Lax`;
      }
    }
    await settle();
    const calling = performance.now() - start;
    void document.cookie;
    return [calling, performance.now() - start];
  }

  // Returns [total ms, ms spent inside the fetch() calls themselves]: the second isolates what a
  // wrapper adds from the network round trips, which dominate the first.
  async function requests(count, batch) {
    const start = performance.now();
    let calling = 0;
    for (let done = 0; done < count; done += batch) {
      const calls = [];
      const issued = performance.now();
      for (let index = done; index < Math.min(count, done + batch); index += 1) {
        calls.push(fetch(`/bench/ping?i=${index}`, { cache: 'no-store' }));
      }
      calling += performance.now() - issued;
      const responses = await Promise.all(calls);
      for (const response of responses)
        if (response.status !== 204) throw new Error(`ping: ${response.status}`);
    }
    return [performance.now() - start, calling];
  }

  window.__gateBench = { quiet, dom, cookies, requests };
})();
