import 'server-only'
import type { ExtensionRoute } from '../../lib/domain/permits/extension-route'
// The 81 provinces; the number is the plate code and the ISO 3166-2:TR code (domain brief §10).
export const PROVINCES: readonly (readonly [number, string])[] = [
  [1, 'Adana'],
  [2, 'Adıyaman'],
  [3, 'Afyonkarahisar'],
  [4, 'Ağrı'],
  [5, 'Amasya'],
  [6, 'Ankara'],
  [7, 'Antalya'],
  [8, 'Artvin'],
  [9, 'Aydın'],
  [10, 'Balıkesir'],
  [11, 'Bilecik'],
  [12, 'Bingöl'],
  [13, 'Bitlis'],
  [14, 'Bolu'],
  [15, 'Burdur'],
  [16, 'Bursa'],
  [17, 'Çanakkale'],
  [18, 'Çankırı'],
  [19, 'Çorum'],
  [20, 'Denizli'],
  [21, 'Diyarbakır'],
  [22, 'Edirne'],
  [23, 'Elazığ'],
  [24, 'Erzincan'],
  [25, 'Erzurum'],
  [26, 'Eskişehir'],
  [27, 'Gaziantep'],
  [28, 'Giresun'],
  [29, 'Gümüşhane'],
  [30, 'Hakkâri'],
  [31, 'Hatay'],
  [32, 'Isparta'],
  [33, 'Mersin'],
  [34, 'İstanbul'],
  [35, 'İzmir'],
  [36, 'Kars'],
  [37, 'Kastamonu'],
  [38, 'Kayseri'],
  [39, 'Kırklareli'],
  [40, 'Kırşehir'],
  [41, 'Kocaeli'],
  [42, 'Konya'],
  [43, 'Kütahya'],
  [44, 'Malatya'],
  [45, 'Manisa'],
  [46, 'Kahramanmaraş'],
  [47, 'Mardin'],
  [48, 'Muğla'],
  [49, 'Muş'],
  [50, 'Nevşehir'],
  [51, 'Niğde'],
  [52, 'Ordu'],
  [53, 'Rize'],
  [54, 'Sakarya'],
  [55, 'Samsun'],
  [56, 'Siirt'],
  [57, 'Sinop'],
  [58, 'Sivas'],
  [59, 'Tekirdağ'],
  [60, 'Tokat'],
  [61, 'Trabzon'],
  [62, 'Tunceli'],
  [63, 'Şanlıurfa'],
  [64, 'Uşak'],
  [65, 'Van'],
  [66, 'Yozgat'],
  [67, 'Zonguldak'],
  [68, 'Aksaray'],
  [69, 'Bayburt'],
  [70, 'Karaman'],
  [71, 'Kırıkkale'],
  [72, 'Batman'],
  [73, 'Şırnak'],
  [74, 'Bartın'],
  [75, 'Ardahan'],
  [76, 'Iğdır'],
  [77, 'Yalova'],
  [78, 'Karabük'],
  [79, 'Kilis'],
  [80, 'Osmaniye'],
  [81, 'Düzce'],
]

export const ISTANBUL = 34
export const ANKARA = 6
export const IZMIR = 35

// Demo offices. Real directorates publish their own; these only give the big cities several.
export const EXTRA_OFFICES: Record<
  number,
  readonly { name: string; address: string; counters: number }[]
> = {
  [ISTANBUL]: [
    {
      name: 'Fatih Hizmet Binası',
      address: 'Aksaray Mah. Adnan Menderes Blv. No:1, Fatih, İstanbul',
      counters: 6,
    },
    {
      name: 'Kartal Hizmet Binası',
      address: 'Cevizli Mah. Zuhal Cad. No:12, Kartal, İstanbul',
      counters: 4,
    },
    {
      name: 'Beylikdüzü Hizmet Binası',
      address: 'Barış Mah. Şehit Er Cihan Namlı Cad. No:4, Beylikdüzü, İstanbul',
      counters: 4,
    },
  ],
  [ANKARA]: [
    {
      name: 'Altındağ Hizmet Binası',
      address: 'Hacı Bayram Mah. Ulus Meydanı No:3, Altındağ, Ankara',
      counters: 5,
    },
    {
      name: 'Çankaya Hizmet Binası',
      address: 'Kızılay Mah. Atatürk Blv. No:40, Çankaya, Ankara',
      counters: 3,
    },
  ],
}

// Provinces where dates are assigned rather than chosen (domain brief §4).
export const ASSIGNING_PROVINCES: ReadonlySet<number> = new Set([ISTANBUL, ANKARA])

// How extensions reach each directorate (domain.md §4, 2018 announcement [S][U]): these
// fourteen large provinces take the documents by post within 5 working days; İstanbul does
// too unless personal data changed, then it assigns a visit. Everywhere else: a visit.
export const POSTAL_EXTENSION_PROVINCES: ReadonlySet<number> = new Set([
  1, 6, 7, 9, 16, 27, 33, 35, 38, 41, 48, 55, 59, 63,
])

export function extensionRouteOf(province: number): ExtensionRoute {
  if (province === ISTANBUL) return 'appointment_if_data_changed'
  return POSTAL_EXTENSION_PROVINCES.has(province) ? 'post' : 'appointment'
}
