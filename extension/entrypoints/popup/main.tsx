import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Popup } from '../../popup/Popup.tsx';
import { backgroundClient } from '../../background/background-client.ts';

mountPage(<Popup client={backgroundClient(browser.runtime)} />);
