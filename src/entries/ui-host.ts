import type { Emitter } from '../consent/emitter';
import type { ConsentryEvents } from '../consent/types';
import { afterPaint } from '../ui/after-paint';
import { mountUi } from '../ui/mount';
import type { BuiltInTexts } from '../ui/texts/types';
import type { DialogComponent, UiController, UiHost, UiService } from '../ui/types';
import { uiServices } from './services';
import type { Started } from './start';
import type { UiBackend } from './ui-access';

/**
 * The UI's view of an instance (`UiHost`), built where the UI is: in the script tag's UI file, or
 * in the npm build's lazily imported UI — so the synchronous file does not carry it. The UI is
 * drawn once the page has shown its own content.
 */
export function mountWithHost(
  started: Started,
  backend: UiBackend,
  emitter: Emitter<ConsentryEvents>,
  texts: BuiltInTexts,
  loadDialog: () => Promise<DialogComponent>,
  doc: Document,
): Promise<UiController> {
  const host: UiHost = {
    get settings() {
      return backend.settings();
    },
    language: started.language,
    texts,
    categories: started.categories,
    services: uiServices(started.settings, started.policy, started.categories) as UiService[],
    getSnapshot: backend.getSnapshot,
    subscribe: (listener) => emitter.on('change', () => listener()),
    acceptAll: backend.acceptAll,
    rejectAll: backend.rejectAll,
    accept: backend.accept,
    loadDialog,
    notify: (event, view) => emitter.emit(event, { view }),
  };
  return afterPaint(doc.defaultView).then(() => mountUi(host, doc));
}
