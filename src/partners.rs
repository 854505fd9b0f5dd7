//! Part of `judge`'s input: the agencies and outlets every profile refuses as a story's origin,
//! built into the binary. A profile's own `[[partners]]` come first (see docs/eligibility.md).
//! Extract reads their names too, to tell an agency after a reporter's name from a person.
//!
//! A table in the source rather than a TOML file read at start: `embed` runs once per process,
//! and parsing eighty partners took 1.5 M instructions, a thirteenth of a whole `embed`.

use crate::profile::Partner;

/// A built-in partner, as [`Partner`] holds it: see there for each field.
pub(crate) struct Builtin {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub domains: &'static [&'static str],
    pub author_urls: &'static [&'static str],
    pub agency_codes: &'static [&'static str],
}

impl Builtin {
    const NONE: Builtin = Builtin { name: "", aliases: &[], domains: &[], author_urls: &[], agency_codes: &[] };

    pub(crate) fn to_partner(&self) -> Partner {
        let owned = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect();
        Partner {
            name: self.name.to_owned(),
            aliases: owned(self.aliases),
            domains: owned(self.domains),
            author_urls: owned(self.author_urls),
            agency_codes: owned(self.agency_codes),
        }
    }
}

/// Wire agencies and outlets that every profile refuses as a story's origin, in the order they
/// are tried.
pub(crate) const BUILTIN: &[Builtin] = &[
    // Wire services and outlets whose stories newsrooms carry under their own names.
    Builtin { name: "JTA", aliases: &["Jewish Telegraphic Agency", "JTA.org"], domains: &["jta.org"], author_urls: &["/authors/jta/", "/author/jta/", "/authors/jewish-telegraphic-agency/"], agency_codes: &["JTA"] },
    Builtin { name: "Associated Press", aliases: &["AP", "The Associated Press", "AP News", "美联社", "美聯社", "AP通信", "أسوشيتد برس", "اسوشيتد برس", "Ассошиэйтед Пресс", "آسوشیتدپرس", "एसोसिएटेड प्रेस"], domains: &["apnews.com", "ap.org"], author_urls: &["/author/associated-press/", "/authors/associated-press/"], agency_codes: &["AP"] },
    Builtin { name: "Reuters", aliases: &["Thomson Reuters", "路透社", "ロイター", "로이터", "رويترز", "رویترز", "Рейтер", "Рейтерс", "רויטרס", "रॉयटर्स", "रायटर्स", "รอยเตอร์"], domains: &["reuters.com"], author_urls: &["/author/reuters/", "/authors/reuters/"], agency_codes: &["Reuters", "ロイター"] },
    Builtin { name: "Agence France-Presse", aliases: &["AFP", "Agence France Presse", "法新社", "フランス通信社", "فرانس برس", "فرانس پرس", "خبرگزاری فرانسه", "Франс Пресс", "Франс-Пресс", "एएफपी", "เอเอฟพี"], domains: &["afp.com"], author_urls: &["/author/afp/", "/authors/afp/"], agency_codes: &["AFP", "أ ف ب", "ا ف ب", "АФП"] },
    Builtin { name: "Haaretz", aliases: &["Haaretz.com"], domains: &["haaretz.com", "haaretz.co.il"], ..Builtin::NONE },
    Builtin { name: "Times of Israel", aliases: &["The Times of Israel"], domains: &["timesofisrael.com"], agency_codes: &["TOI"], ..Builtin::NONE },
    Builtin { name: "Bloomberg", aliases: &["Bloomberg News", "彭博社", "ブルームバーグ"], domains: &["bloomberg.com"], ..Builtin::NONE },
    Builtin { name: "United Press International", aliases: &["UPI"], domains: &["upi.com"], agency_codes: &["UPI"], ..Builtin::NONE },
    Builtin { name: "dpa", aliases: &["Deutsche Presse-Agentur"], agency_codes: &["dpa", "د ب أ", "د.ب.أ"], ..Builtin::NONE },
    Builtin { name: "CNN", domains: &["cnn.com"], agency_codes: &["CNN"], ..Builtin::NONE },
    Builtin { name: "Kaiser Health News", aliases: &["KFF Health News", "KHN"], domains: &["kffhealthnews.org", "khn.org"], agency_codes: &["KHN"], ..Builtin::NONE },
    Builtin { name: "Religion News Service", aliases: &["RNS"], domains: &["religionnews.com"], agency_codes: &["RNS"], ..Builtin::NONE },
    Builtin { name: "Jewish News Syndicate", aliases: &["JNS", "JNS.org"], domains: &["jns.org"], author_urls: &["/author/jns/", "/authors/jns/", "/author/jns-staff/"], agency_codes: &["JNS"] },
    // The Jewish press, whose stories Jewish papers carry under their names.
    Builtin { name: "The Jerusalem Post", aliases: &["Jerusalem Post", "JPost"], domains: &["jpost.com"], ..Builtin::NONE },
    Builtin { name: "Jewish Insider", domains: &["jewishinsider.com"], ..Builtin::NONE },
    Builtin { name: "The Jewish Chronicle", aliases: &["Jewish Chronicle", "The JC"], domains: &["thejc.com"], ..Builtin::NONE },
    Builtin { name: "Ynetnews", aliases: &["Ynet", "Yedioth Ahronoth"], domains: &["ynetnews.com", "ynet.co.il"], ..Builtin::NONE },
    Builtin { name: "Israel Hayom", domains: &["israelhayom.com", "israelhayom.co.il"], ..Builtin::NONE },
    Builtin { name: "i24NEWS", domains: &["i24news.tv"], ..Builtin::NONE },
    Builtin { name: "Israel National News", aliases: &["Arutz Sheva"], domains: &["israelnationalnews.com"], ..Builtin::NONE },
    Builtin { name: "Tablet Magazine", aliases: &["Tablet"], domains: &["tabletmag.com"], ..Builtin::NONE },
    Builtin { name: "Moment Magazine", domains: &["momentmag.com"], ..Builtin::NONE },
    Builtin { name: "Jewish Journal", aliases: &["Jewish Journal of Greater Los Angeles"], domains: &["jewishjournal.com"], ..Builtin::NONE },
    Builtin { name: "My Jewish Learning", domains: &["myjewishlearning.com"], ..Builtin::NONE },
    Builtin { name: "Hey Alma", domains: &["heyalma.com"], ..Builtin::NONE },
    Builtin { name: "eJewishPhilanthropy", domains: &["ejewishphilanthropy.com"], ..Builtin::NONE },
    Builtin { name: "New York Jewish Week", aliases: &["The Jewish Week"], ..Builtin::NONE },
    Builtin { name: "Jewish Exponent", domains: &["jewishexponent.com"], ..Builtin::NONE },
    Builtin { name: "Cleveland Jewish News", domains: &["clevelandjewishnews.com"], ..Builtin::NONE },
    Builtin { name: "The Jewish Press", aliases: &["Jewish Press", "JewishPress.com"], domains: &["jewishpress.com"], ..Builtin::NONE },
    // Newsrooms whose stories others republish under their names, most of them free to
    // republish with credit (which is exactly why their stories are not a partner's to hand on):
    // nonprofit newsrooms and networks, and the national outlets that license their copy.
    Builtin { name: "ProPublica", domains: &["propublica.org"], ..Builtin::NONE },
    Builtin { name: "The Marshall Project", aliases: &["Marshall Project"], domains: &["themarshallproject.org"], ..Builtin::NONE },
    Builtin { name: "Stateline", domains: &["stateline.org"], ..Builtin::NONE },
    Builtin { name: "States Newsroom", domains: &["statesnewsroom.com"], ..Builtin::NONE },
    Builtin { name: "Chalkbeat", domains: &["chalkbeat.org"], ..Builtin::NONE },
    Builtin { name: "Grist", domains: &["grist.org"], ..Builtin::NONE },
    Builtin { name: "The 19th", aliases: &["19th News", "The 19th News"], domains: &["19thnews.org"], ..Builtin::NONE },
    Builtin { name: "Capital B", aliases: &["Capital B News"], domains: &["capitalbnews.org"], ..Builtin::NONE },
    Builtin { name: "Civil Eats", domains: &["civileats.com"], ..Builtin::NONE },
    Builtin { name: "The Trace", domains: &["thetrace.org"], ..Builtin::NONE },
    Builtin { name: "Mongabay", domains: &["mongabay.com"], ..Builtin::NONE },
    Builtin { name: "Inside Climate News", aliases: &["InsideClimate News"], domains: &["insideclimatenews.org"], ..Builtin::NONE },
    Builtin { name: "CalMatters", domains: &["calmatters.org"], ..Builtin::NONE },
    Builtin { name: "The Texas Tribune", aliases: &["Texas Tribune"], domains: &["texastribune.org"], ..Builtin::NONE },
    Builtin { name: "Mississippi Today", domains: &["mississippitoday.org"], ..Builtin::NONE },
    Builtin { name: "The Hechinger Report", aliases: &["Hechinger Report"], domains: &["hechingerreport.org"], ..Builtin::NONE },
    Builtin { name: "EdSource", domains: &["edsource.org"], ..Builtin::NONE },
    Builtin { name: "Stacker", domains: &["stacker.com"], ..Builtin::NONE },
    Builtin { name: "The Conversation", domains: &["theconversation.com"], ..Builtin::NONE },
    Builtin { name: "Global Voices", domains: &["globalvoices.org"], ..Builtin::NONE },
    Builtin { name: "Next City", domains: &["nextcity.org"], ..Builtin::NONE },
    Builtin { name: "Word In Black", domains: &["wordinblack.com"], ..Builtin::NONE },
    Builtin { name: "Undark", domains: &["undark.org"], ..Builtin::NONE },
    Builtin { name: "Reveal", aliases: &["Reveal News", "Center for Investigative Reporting"], domains: &["revealnews.org"], ..Builtin::NONE },
    Builtin { name: "Searchlight New Mexico", domains: &["searchlightnm.org"], ..Builtin::NONE },
    Builtin { name: "Honolulu Civil Beat", aliases: &["Civil Beat"], domains: &["civilbeat.org"], ..Builtin::NONE },
    Builtin { name: "Bridge Michigan", domains: &["bridgemi.com"], ..Builtin::NONE },
    Builtin { name: "VTDigger", domains: &["vtdigger.org"], ..Builtin::NONE },
    Builtin { name: "Public News Service", domains: &["publicnewsservice.org"], ..Builtin::NONE },
    Builtin { name: "Yale Climate Connections", domains: &["yaleclimateconnections.org"], ..Builtin::NONE },
    Builtin { name: "The New York Times", aliases: &["New York Times", "NYT", "New York Times News Service"], domains: &["nytimes.com"], ..Builtin::NONE },
    Builtin { name: "The Washington Post", aliases: &["Washington Post", "Washington Post Writers Group"], domains: &["washingtonpost.com"], ..Builtin::NONE },
    Builtin { name: "Los Angeles Times", aliases: &["LA Times", "L.A. Times"], domains: &["latimes.com"], ..Builtin::NONE },
    Builtin { name: "The Wall Street Journal", aliases: &["Wall Street Journal", "WSJ", "Dow Jones", "Dow Jones Newswires"], domains: &["wsj.com"], ..Builtin::NONE },
    Builtin { name: "USA Today", aliases: &["USA TODAY Network"], domains: &["usatoday.com"], ..Builtin::NONE },
    Builtin { name: "Tribune News Service", aliases: &["TNS", "Tribune Content Agency"], domains: &["tribpub.com"], ..Builtin::NONE },
    Builtin { name: "The Guardian", aliases: &["Guardian"], domains: &["theguardian.com"], ..Builtin::NONE },
    Builtin { name: "BBC", aliases: &["BBC News"], domains: &["bbc.co.uk", "bbc.com"], ..Builtin::NONE },
    Builtin { name: "Al Jazeera", aliases: &["Al Jazeera English"], domains: &["aljazeera.com"], ..Builtin::NONE },
    Builtin { name: "NPR", aliases: &["National Public Radio"], domains: &["npr.org"], ..Builtin::NONE },
    Builtin { name: "Politico", domains: &["politico.com"], ..Builtin::NONE },
    Builtin { name: "Axios", domains: &["axios.com"], ..Builtin::NONE },
    Builtin { name: "HealthDay", aliases: &["HealthDay News"], domains: &["healthday.com"], ..Builtin::NONE },
    Builtin { name: "RNZ", aliases: &["Radio New Zealand"], domains: &["rnz.co.nz"], agency_codes: &["RNZ"], ..Builtin::NONE },
    // Broadcast groups' national desks, whose stories their stations run under a dateline of the
    // group's: "WASHINGTON (NEXSTAR) —", "(TND) —". Neither the group's company ("© 2026 Nexstar
    // Media Inc.", on every station's own story) nor "National Desk" (a paper's own desk) is an
    // alias.
    Builtin { name: "Nexstar Media Wire", agency_codes: &["NEXSTAR"], ..Builtin::NONE },
    // The group's national paper, whose stories its stations carry: "By Jane Roe, The Hill"
    // ("The" and one common word is otherwise a place: "Jane Roe, The Hague").
    Builtin { name: "The Hill", domains: &["thehill.com"], ..Builtin::NONE },
    Builtin { name: "TND", agency_codes: &["TND"], ..Builtin::NONE },
    // Syndicates: columns, comics and features sold to papers, and the free "matte release"
    // features that fill small papers' sites ("(Family Features)", "(BPT) -", "(NAPSI)—").
    Builtin { name: "Creators Syndicate", aliases: &["Creators", "Creators.com"], domains: &["creators.com"], ..Builtin::NONE },
    Builtin { name: "King Features Syndicate", aliases: &["King Features"], domains: &["kingfeatures.com"], ..Builtin::NONE },
    Builtin { name: "Andrews McMeel Syndication", aliases: &["Universal Press Syndicate", "Universal Uclick"], domains: &["andrewsmcmeel.com"], ..Builtin::NONE },
    Builtin { name: "Brandpoint", domains: &["brandpoint.com"], agency_codes: &["BPT"], ..Builtin::NONE },
    Builtin { name: "Family Features", domains: &["familyfeatures.com"], ..Builtin::NONE },
    Builtin { name: "StatePoint", aliases: &["StatePoint Media"], domains: &["statepoint.net"], ..Builtin::NONE },
    // Press-release wires, whose releases news sites run whole: "NEW YORK, Nov. 20, 2026
    // /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS WIRE)--", "(GLOBE NEWSWIRE) --".
    Builtin { name: "PR Newswire", aliases: &["PRNewswire", "Cision PR Newswire"], domains: &["prnewswire.com", "prnewswire.co.uk"], agency_codes: &["PRNewswire"], ..Builtin::NONE },
    Builtin { name: "Business Wire", domains: &["businesswire.com"], ..Builtin::NONE },
    Builtin { name: "GlobeNewswire", aliases: &["Globe Newswire"], domains: &["globenewswire.com"], ..Builtin::NONE },
    Builtin { name: "ACCESSWIRE", aliases: &["ACCESS Newswire"], domains: &["accesswire.com", "accessnewswire.com"], agency_codes: &["ACCESSWIRE"], ..Builtin::NONE },
    Builtin { name: "Newsfile", aliases: &["Newsfile Corp."], domains: &["newsfilecorp.com"], ..Builtin::NONE },
    Builtin { name: "EIN Presswire", aliases: &["EINPresswire", "EINPresswire.com"], domains: &["einpresswire.com"], ..Builtin::NONE },
    Builtin { name: "PRWeb", domains: &["prweb.com"], agency_codes: &["PRWeb", "PRNewswire-PRWeb"], ..Builtin::NONE },
    Builtin { name: "NAPSI", aliases: &["North American Precis Syndicate"], domains: &["napsnet.com", "napsinfo.com"], agency_codes: &["NAPSI"], ..Builtin::NONE },
    // National news agencies, whose copy fills the wire pages of papers in every country: a byline
    // of only "PTI" or "EFE", or a dateline such as "New Delhi, Nov 20 (PTI)", "Madrid, 20 nov
    // (EFE).-", "(서울=연합뉴스)", "【ワシントン共同】" or "新华社北京11月20日电" says the story is the
    // agency's. Names in the agency's own script are aliases; codes are what datelines write.
    Builtin { name: "Press Trust of India", aliases: &["PTI", "पीटीआई", "पीटीआइ"], domains: &["ptinews.com"], agency_codes: &["PTI", "भाषा"], ..Builtin::NONE },
    Builtin { name: "IANS", aliases: &["Indo-Asian News Service", "आईएएनएस", "आइएएनएस"], domains: &["ians.in"], agency_codes: &["IANS"], ..Builtin::NONE },
    Builtin { name: "ANI", aliases: &["Asian News International"], domains: &["aninews.in"], agency_codes: &["ANI"], ..Builtin::NONE },
    Builtin { name: "United News of India", aliases: &["UNI"], domains: &["uniindia.com"], agency_codes: &["UNI"], ..Builtin::NONE },
    Builtin { name: "Xinhua", aliases: &["Xinhua News Agency", "新华社", "新華社", "شينخوا", "Синьхуа", "ซินหัว", "शिन्हुआ"], domains: &["xinhuanet.com"], agency_codes: &["Xinhua"], ..Builtin::NONE },
    Builtin { name: "China News Service", aliases: &["中新社", "中国新闻社", "中新网"], domains: &["chinanews.com", "chinanews.com.cn"], ..Builtin::NONE },
    Builtin { name: "Central News Agency", aliases: &["CNA", "中央社", "Focus Taiwan"], domains: &["cna.com.tw", "focustaiwan.tw"], agency_codes: &["CNA"], ..Builtin::NONE },
    Builtin { name: "Kyodo News", aliases: &["Kyodo", "共同通信", "共同通信社"], domains: &["kyodonews.net", "kyodonews.jp"], agency_codes: &["Kyodo", "共同"], ..Builtin::NONE },
    Builtin { name: "Jiji Press", aliases: &["Jiji", "時事通信", "時事通信社"], domains: &["jiji.com"], agency_codes: &["Jiji", "時事"], ..Builtin::NONE },
    Builtin { name: "Yonhap", aliases: &["Yonhap News Agency", "연합뉴스"], domains: &["yna.co.kr", "yonhapnews.co.kr"], agency_codes: &["Yonhap"], ..Builtin::NONE },
    Builtin { name: "Newsis", aliases: &["뉴시스"], domains: &["newsis.com"], ..Builtin::NONE },
    Builtin { name: "News1", aliases: &["뉴스1"], domains: &["news1.kr"], ..Builtin::NONE },
    Builtin { name: "Vietnam News Agency", aliases: &["VNA", "TTXVN", "Thông tấn xã Việt Nam"], domains: &["vnanet.vn"], agency_codes: &["VNA"], ..Builtin::NONE },
    Builtin { name: "Bernama", domains: &["bernama.com"], agency_codes: &["Bernama"], ..Builtin::NONE },
    Builtin { name: "Antara", aliases: &["ANTARA News", "Antara News Agency"], domains: &["antaranews.com"], agency_codes: &["Antara"], ..Builtin::NONE },
    Builtin { name: "Lao News Agency", agency_codes: &["KPL"], ..Builtin::NONE },
    Builtin { name: "Agence Kampuchea Presse", agency_codes: &["AKP"], ..Builtin::NONE },
    Builtin { name: "Philippine News Agency", aliases: &["PNA"], domains: &["pna.gov.ph"], agency_codes: &["PNA"], ..Builtin::NONE },
    Builtin { name: "Associated Press of Pakistan", aliases: &["APP"], domains: &["app.com.pk"], agency_codes: &["APP"], ..Builtin::NONE },
    Builtin { name: "BSS", aliases: &["Bangladesh Sangbad Sangstha"], domains: &["bssnews.net"], agency_codes: &["BSS"], ..Builtin::NONE },
    Builtin { name: "UNB", aliases: &["United News of Bangladesh"], domains: &["unb.com.bd"], agency_codes: &["UNB"], ..Builtin::NONE },
    Builtin { name: "Australian Associated Press", aliases: &["AAP"], domains: &["aap.com.au"], agency_codes: &["AAP"], ..Builtin::NONE },
    Builtin { name: "The Canadian Press", aliases: &["Canadian Press", "CP", "La Presse Canadienne"], domains: &["thecanadianpress.com"], agency_codes: &["CP"], ..Builtin::NONE },
    Builtin { name: "PA Media", aliases: &["Press Association", "PA News Agency", "PA Wire", "PA Reporter"], domains: &["pamediagroup.com"], agency_codes: &["PA"], ..Builtin::NONE },
    Builtin { name: "TASS", aliases: &["ТАСС", "ITAR-TASS"], domains: &["tass.com", "tass.ru"], agency_codes: &["TASS"], ..Builtin::NONE },
    Builtin { name: "RIA Novosti", aliases: &["РИА Новости"], domains: &["ria.ru"], agency_codes: &["RIA Novosti"], ..Builtin::NONE },
    Builtin { name: "Interfax", aliases: &["Интерфакс", "Interfax-Ukraine"], domains: &["interfax.ru", "interfax.com"], agency_codes: &["Interfax"], ..Builtin::NONE },
    Builtin { name: "Ukrinform", aliases: &["Укрінформ", "Укринформ"], domains: &["ukrinform.net", "ukrinform.ua"], agency_codes: &["Ukrinform"], ..Builtin::NONE },
    Builtin { name: "UNIAN", aliases: &["УНІАН", "УНИАН"], domains: &["unian.net", "unian.info"], agency_codes: &["UNIAN"], ..Builtin::NONE },
    Builtin { name: "Anadolu Agency", aliases: &["Anadolu", "Anadolu Ajansı", "AA", "الأناضول", "Анадолу"], domains: &["aa.com.tr"], agency_codes: &["AA"], ..Builtin::NONE },
    Builtin { name: "Demirören News Agency", aliases: &["Demirören Haber Ajansı", "DHA"], domains: &["dha.com.tr"], agency_codes: &["DHA"], ..Builtin::NONE },
    Builtin { name: "İhlas News Agency", aliases: &["İhlas Haber Ajansı", "İHA"], domains: &["iha.com.tr"], agency_codes: &["İHA", "IHA"], ..Builtin::NONE },
    Builtin { name: "EFE", aliases: &["Agencia EFE"], domains: &["efe.com"], agency_codes: &["EFE"], ..Builtin::NONE },
    Builtin { name: "Europa Press", domains: &["europapress.es"], agency_codes: &["Europa Press"], ..Builtin::NONE },
    Builtin { name: "ANSA", aliases: &["Agenzia ANSA"], domains: &["ansa.it"], agency_codes: &["ANSA"], ..Builtin::NONE },
    Builtin { name: "AGI", aliases: &["Agenzia Italia"], agency_codes: &["AGI"], ..Builtin::NONE },
    Builtin { name: "Adnkronos", domains: &["adnkronos.com"], agency_codes: &["Adnkronos"], ..Builtin::NONE },
    Builtin { name: "Askanews", domains: &["askanews.it"], agency_codes: &["askanews"], ..Builtin::NONE },
    Builtin { name: "Agenzia Nova", domains: &["agenzianova.com"], agency_codes: &["Nova"], ..Builtin::NONE },
    Builtin { name: "Servimedia", domains: &["servimedia.es"], agency_codes: &["Servimedia"], ..Builtin::NONE },
    Builtin { name: "Lusa", aliases: &["Agência Lusa"], domains: &["lusa.pt"], agency_codes: &["Lusa"], ..Builtin::NONE },
    Builtin { name: "Agência Brasil", aliases: &["Agencia Brasil"], ..Builtin::NONE },
    Builtin { name: "Estadão Conteúdo", aliases: &["Estadao Conteudo"], ..Builtin::NONE },
    Builtin { name: "Folhapress", ..Builtin::NONE },
    Builtin { name: "Notimex", domains: &["notimex.gob.mx"], agency_codes: &["Notimex"], ..Builtin::NONE },
    Builtin { name: "Télam", aliases: &["Telam"], domains: &["telam.com.ar"], agency_codes: &["Télam", "Telam"], ..Builtin::NONE },
    Builtin { name: "Andina", aliases: &["Agencia Andina", "Agencia Peruana de Noticias Andina"], agency_codes: &["Andina"], ..Builtin::NONE },
    Builtin { name: "Noticias Argentinas", domains: &["noticiasargentinas.com"], agency_codes: &["NA"], ..Builtin::NONE },
    Builtin { name: "Agencia Cubana de Noticias", agency_codes: &["ACN"], ..Builtin::NONE },
    Builtin { name: "Agência O Globo", aliases: &["Agencia O Globo"], ..Builtin::NONE },
    Builtin { name: "Prensa Latina", domains: &["prensa-latina.cu"], agency_codes: &["Prensa Latina"], ..Builtin::NONE },
    Builtin { name: "Colprensa", domains: &["colprensa.com"], agency_codes: &["Colprensa"], ..Builtin::NONE },
    Builtin { name: "APA", aliases: &["Austria Presse Agentur"], domains: &["apa.at"], agency_codes: &["APA"], ..Builtin::NONE },
    Builtin { name: "Keystone-SDA", aliases: &["SDA", "Keystone-ATS", "ATS"], domains: &["keystone-sda.ch"], agency_codes: &["SDA", "ATS", "Keystone-SDA", "Keystone-ATS"], ..Builtin::NONE },
    Builtin { name: "SID", aliases: &["Sport-Informations-Dienst"], domains: &["sid.de"], agency_codes: &["SID"], ..Builtin::NONE },
    Builtin { name: "epd", aliases: &["Evangelischer Pressedienst"], agency_codes: &["epd"], ..Builtin::NONE },
    Builtin { name: "KNA", aliases: &["Katholische Nachrichten-Agentur", "Kenya News Agency"], agency_codes: &["KNA"], ..Builtin::NONE },
    Builtin { name: "ANP", domains: &["anp.nl"], agency_codes: &["ANP"], ..Builtin::NONE },
    Builtin { name: "Belga", domains: &["belga.be"], agency_codes: &["Belga"], ..Builtin::NONE },
    Builtin { name: "NTB", domains: &["ntb.no"], agency_codes: &["NTB"], ..Builtin::NONE },
    Builtin { name: "TT", aliases: &["TT Nyhetsbyrån"], domains: &["tt.se"], agency_codes: &["TT"], ..Builtin::NONE },
    Builtin { name: "Ritzau", domains: &["ritzau.dk"], agency_codes: &["Ritzau"], ..Builtin::NONE },
    Builtin { name: "STT", aliases: &["Suomen Tietotoimisto"], domains: &["stt.fi"], agency_codes: &["STT"], ..Builtin::NONE },
    Builtin { name: "PAP", aliases: &["Polska Agencja Prasowa", "Polish Press Agency"], domains: &["pap.pl"], agency_codes: &["PAP"], ..Builtin::NONE },
    Builtin { name: "ČTK", aliases: &["CTK", "Česká tisková kancelář"], domains: &["ctk.cz"], agency_codes: &["ČTK", "CTK"], ..Builtin::NONE },
    Builtin { name: "MTI", domains: &["mti.hu"], agency_codes: &["MTI"], ..Builtin::NONE },
    Builtin { name: "Agerpres", domains: &["agerpres.ro"], agency_codes: &["Agerpres"], ..Builtin::NONE },
    Builtin { name: "BTA", domains: &["bta.bg"], agency_codes: &["BTA"], ..Builtin::NONE },
    Builtin { name: "HINA", domains: &["hina.hr"], agency_codes: &["Hina"], ..Builtin::NONE },
    Builtin { name: "Tanjug", domains: &["tanjug.rs"], agency_codes: &["Tanjug"], ..Builtin::NONE },
    Builtin { name: "STA", aliases: &["Slovenian Press Agency", "Slovenska tiskovna agencija"], domains: &["sta.si"], agency_codes: &["STA"], ..Builtin::NONE },
    Builtin { name: "LETA", domains: &["leta.lv"], agency_codes: &["LETA"], ..Builtin::NONE },
    Builtin { name: "Baltic News Service", aliases: &["BNS"], domains: &["bns.lt", "bns.ee", "bns.lv"], agency_codes: &["BNS"], ..Builtin::NONE },
    // Here and below, a domain whose name is a code or a word (trend.az, mia.mk, akp.gov.kh,
    // agi.it) is left out: a domain's name counts as the partner's name.
    Builtin { name: "Fena", aliases: &["Federalna novinska agencija"], agency_codes: &["Fena"], ..Builtin::NONE },
    Builtin { name: "Media Information Agency", agency_codes: &["MIA"], ..Builtin::NONE },
    Builtin { name: "Albanian Telegraphic Agency", agency_codes: &["ATA"], ..Builtin::NONE },
    Builtin { name: "Armenpress", domains: &["armenpress.am"], agency_codes: &["Armenpress"], ..Builtin::NONE },
    Builtin { name: "BelTA", aliases: &["Belarusian Telegraph Agency", "БелТА"], domains: &["belta.by"], agency_codes: &["BelTA", "БелТА"], ..Builtin::NONE },
    Builtin { name: "Trend News Agency", agency_codes: &["Trend"], ..Builtin::NONE },
    Builtin { name: "Sputnik", aliases: &["Спутник", "Sputnik News"], domains: &["sputnikglobe.com", "sputniknews.com"], agency_codes: &["Sputnik"], ..Builtin::NONE },
    Builtin { name: "ANA-MPA", aliases: &["AMNA", "Athens-Macedonian News Agency", "ΑΠΕ-ΜΠΕ"], domains: &["amna.gr"], agency_codes: &["ANA-MPA", "AMNA", "ΑΠΕ-ΜΠΕ", "ΑΠΕ"], ..Builtin::NONE },
    Builtin { name: "IRNA", aliases: &["Islamic Republic News Agency", "ایرنا", "إرنا"], domains: &["irna.ir"], agency_codes: &["IRNA"], ..Builtin::NONE },
    Builtin { name: "WAFA", domains: &["wafa.ps"], agency_codes: &["WAFA"], ..Builtin::NONE },
    Builtin { name: "Middle East News Agency", aliases: &["وكالة أنباء الشرق الأوسط"], agency_codes: &["MENA", "أ ش أ"], ..Builtin::NONE },
    Builtin { name: "Saudi Press Agency", aliases: &["SPA"], domains: &["spa.gov.sa"], agency_codes: &["SPA", "واس"], ..Builtin::NONE },
    Builtin { name: "WAM", aliases: &["Emirates News Agency"], domains: &["wam.ae"], agency_codes: &["WAM", "وام"], ..Builtin::NONE },
    Builtin { name: "Qatar News Agency", aliases: &["QNA"], domains: &["qna.org.qa"], agency_codes: &["QNA", "قنا"], ..Builtin::NONE },
    Builtin { name: "Kuwait News Agency", aliases: &["KUNA", "كونا"], domains: &["kuna.net.kw"], agency_codes: &["KUNA", "كونا"], ..Builtin::NONE },
    Builtin { name: "News Agency of Nigeria", aliases: &["NAN"], domains: &["nannews.ng"], agency_codes: &["NAN"], ..Builtin::NONE },
    Builtin { name: "Ethiopian News Agency", agency_codes: &["ENA"], ..Builtin::NONE },
    Builtin { name: "African News Agency", aliases: &["ANA"], agency_codes: &["ANA"], ..Builtin::NONE },
    Builtin { name: "Catholic News Service", aliases: &["CNS"], domains: &["catholicnews.com"], agency_codes: &["CNS"], ..Builtin::NONE },
    // More national agencies, as they sign datelines. Their short names are also given names,
    // places or other bodies' acronyms ("Petra", "Sana", "Fars", "ISNA", "BNA", "MAP"): they count
    // only as codes, and only in a dateline ([`DATELINE_ONLY_CODES`]). Nor are their domains
    // listed where a domain's name is such a word (map.ma, aps.dz, inform.kz): a domain's name
    // counts as the partner's name.
    Builtin { name: "Ghana News Agency", agency_codes: &["GNA"], ..Builtin::NONE },
    Builtin { name: "Jordan News Agency", agency_codes: &["Petra", "بترا"], ..Builtin::NONE },
    Builtin { name: "Syrian Arab News Agency", agency_codes: &["SANA", "سانا"], ..Builtin::NONE },
    Builtin { name: "National News Agency", aliases: &["الوكالة الوطنية للإعلام"], domains: &["nna-leb.gov.lb"], agency_codes: &["NNA"], ..Builtin::NONE },
    Builtin { name: "Maghreb Arabe Presse", aliases: &["Agence Maghreb Arabe Presse"], domains: &["mapexpress.ma"], agency_codes: &["MAP", "لاماب"], ..Builtin::NONE },
    Builtin { name: "Algérie Presse Service", aliases: &["Algerie Presse Service"], agency_codes: &["APS"], ..Builtin::NONE },
    Builtin { name: "Tunis Afrique Presse", agency_codes: &["TAP"], ..Builtin::NONE },
    Builtin { name: "Bahrain News Agency", agency_codes: &["BNA"], ..Builtin::NONE },
    Builtin { name: "Oman News Agency", domains: &["omannews.gov.om"], agency_codes: &["ONA"], ..Builtin::NONE },
    Builtin { name: "Iranian Students' News Agency", agency_codes: &["ISNA", "ایسنا"], ..Builtin::NONE },
    Builtin { name: "Fars News Agency", domains: &["farsnews.ir"], agency_codes: &["Fars"], ..Builtin::NONE },
    Builtin { name: "Tasnim News Agency", domains: &["tasnimnews.com"], agency_codes: &["Tasnim", "تسنیم"], ..Builtin::NONE },
    Builtin { name: "Mehr News Agency", domains: &["mehrnews.com"], agency_codes: &["Mehr"], ..Builtin::NONE },
    Builtin { name: "Kazinform", aliases: &["Казинформ"], agency_codes: &["Kazinform"], ..Builtin::NONE },
    Builtin { name: "KCNA", aliases: &["Korean Central News Agency", "조선중앙통신"], domains: &["kcna.kp", "kcnawatch.org"], agency_codes: &["KCNA"], ..Builtin::NONE },
    Builtin { name: "Rastriya Samachar Samiti", domains: &["ssnepal.gov.np"], agency_codes: &["RSS"], ..Builtin::NONE },
];

/// Agency codes that count in a dateline only, not as a note signing a story: "(MAP)" or "(TAP)"
/// after a paragraph's last sentence is a pointer to a map or a button more often than Maghreb
/// Arabe Presse or Tunis Afrique Presse; the desks' and syndicates' codes sign nothing else.
/// Nor do they count in brackets opening a paragraph without a dash ("(MAP) Click to see …").
const DATELINE_ONLY_CODES: &[&str] = &["GNA", "Petra", "SANA", "NNA", "MAP", "APS", "TAP", "BNA", "ONA", "ISNA", "Fars", "Tasnim", "Mehr", "RSS", "NEXSTAR", "TND", "BPT", "Nova", "NA", "ACN", "MIA", "ATA", "Trend", "ENA", "AKP"];

/// Partners' names, aliases, codes and domain names (normalized) that are also people's given
/// names: "By Ana Ruiz Staff Writer" is no story of the African News Agency's, nor is an author
/// page at "/author/sid/" one of the Sport-Informations-Dienst's. They name the partner only as
/// the partner writes them ("ANA", "SID", Hina's "Hina"): see [`names_partner_as_written`].
const GIVEN_NAMES: &[&str] = &["ana", "amna", "sid", "hina", "wafa", "nan", "leta", "ria", "ani", "mena", "irna", "efe", "antara"];

/// Whether `written` (`norm`, normalized), which a lookup matched to `partner`'s name or code,
/// names the partner: always, but for a name or code that is also a person's given name
/// ([`GIVEN_NAMES`]), which names it only as the partner writes it, in capitals ("ANA") or
/// exactly as one of its names or codes ("Hina").
pub(crate) fn names_partner_as_written(written: &str, norm: &str, partner: &Partner) -> bool {
    if !GIVEN_NAMES.contains(&norm) {
        return true;
    }
    let written = written.trim();
    (written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase))
        || std::iter::once(&partner.name).chain(&partner.aliases).chain(&partner.agency_codes).any(|n| n == written)
}

/// The code signs a story anywhere a partner's code may (a byline, a note, brackets opening a
/// paragraph), not only in a dateline: see [`DATELINE_ONLY_CODES`].
pub(crate) fn signs_beyond_datelines(code: &str) -> bool {
    let code = code.trim();
    !DATELINE_ONLY_CODES.iter().any(|c| c.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_code_and_domain_belongs_to_one_partner() {
        // A name two partners shared would be given to whichever comes first.
        let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for b in BUILTIN {
            assert!(!b.name.is_empty());
            for key in std::iter::once(&b.name).chain(b.aliases).chain(b.domains).chain(b.agency_codes) {
                assert!(!key.trim().is_empty() && key.trim() == *key, "{}: {key:?}", b.name);
                let norm = crate::judge::normalize_name(key);
                if let Some(other) = seen.insert(norm.clone(), b.name) {
                    assert_eq!(other, b.name, "{key:?} ({norm}) names both {other} and {}", b.name);
                }
            }
            for domain in b.domains {
                assert!(domain.contains('.') && *domain == domain.to_ascii_lowercase() && !domain.starts_with("www."), "{}: {domain}", b.name);
            }
            for pattern in b.author_urls {
                assert!(pattern.starts_with('/') && pattern.ends_with('/'), "{}: {pattern}", b.name);
            }
        }
        assert_eq!(crate::profile::Profile::builtin_partners().len(), BUILTIN.len());
    }
}
